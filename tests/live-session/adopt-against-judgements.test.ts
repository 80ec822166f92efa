/**
 * Promise: "never presents AI output as the group's decision"; DOMAIN: the group adopts the
 * proposal as is, adapts it in its own words, or rejects it, once enough members judged it. All
 * three members judged the AI draft "oneens"; then one member recorded "Aannemen zoals het is",
 * and the AI's text became "Het voorstel zoals de groep het aanneemt" everywhere (summary,
 * verantwoording, prep card, HR report), with not one member in agreement. Adopting a text as it
 * is now needs at least one "eens", and at least as many "eens" as "oneens"; the form comes back
 * with what was typed and why. Found in review, stop 34 (all "twijfel": in review of that change).
 */
import { cardText, MEMBERS } from '../support/group-driver';
import { startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = { proposal: 'AI-TEKST: schaf de overdracht tussen diensten helemaal af.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

describe('adopting an AI draft as it is, against the judgements', () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeAzureOpenAi>>;
  beforeAll(async () => {
    fake = await startFakeAzureOpenAi();
    t = await startTestApp({ AZURE_OPENAI_ENDPOINT: fake.url, AZURE_OPENAI_DEPLOYMENT: fake.deployment, AZURE_OPENAI_API_KEY: fake.apiKey, AI_TIMEOUT_MS: '2000', AI_MAX_RETRIES: '0' }, undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  const [anna, bram, cem] = MEMBERS;
  /** Three members at question 6, with the AI's draft to judge. */
  const atDraft = async (chat: string) => {
    const g = await groupWithAiDraft(t, fake, chat, DRAFT);
    const read = async () => (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0];
    const proposal = await read();
    expect(proposal.ai.status).toBe('drafted');
    return { g, read, proposal };
  };

  it('every member disagreed: not adopted as it is, until members judge again in favour', async () => {
    const { g, read, proposal } = await atDraft('19:adopt-against@thread.v2');
    for (const who of [anna!, bram!, cem!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: proposal.id, opinion: 'disagree', reason: 'Te riskant voor de zorg' });

    // One member records "adopt as it is" for the AI's text, against all three judgements: refused, nothing stored.
    const decide = { ...g.ids(), proposalId: proposal.id, decision: 'accept', decisionReason: 'Scheelt tijd', adoptedText: '', firstStep: 'Morgen proberen' };
    const refused = await g.press(cem!, 'proposal.decide', decide);
    expect((await read()).decision).toBeUndefined();
    expect(cardText(refused.value)).toContain('Meer leden waren het oneens (3) dan eens (0) met deze tekst');
    expect(JSON.stringify(refused.value)).toContain('Scheelt tijd');
    expect(JSON.stringify(refused.value)).toContain('Morgen proberen');
    expect(cardText(refused.value)).not.toContain('Besluit van de groep: aannemen zoals het is');

    // Two members judge again, in favour: now the group may adopt it as it is.
    for (const who of [anna!, bram!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: proposal.id, opinion: 'agree', reason: 'Bij nader inzien goed' });
    const res = await g.press(cem!, 'proposal.decide', decide);
    const after = await read();
    expect({ verdict: after.decision?.verdict, text: after.decision?.text, judged: after.decision?.judged }).toEqual({ verdict: 'accept', text: DRAFT.proposal, judged: { agree: 2, doubt: 0, disagree: 1 } });
    expect(cardText(res.value)).toContain('Besluit van de groep: aannemen zoals het is');
  }, 60_000);

  it('every member doubted: not adopted as it is (no member agreed)', async () => {
    const { g, read, proposal } = await atDraft('19:adopt-doubts@thread.v2');
    for (const who of [anna!, bram!, cem!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: proposal.id, opinion: 'doubt', reason: 'Weet niet of dit kan' });
    const refused = await g.press(cem!, 'proposal.decide', { ...g.ids(), proposalId: proposal.id, decision: 'accept', decisionReason: 'Scheelt tijd', adoptedText: '', firstStep: 'Morgen proberen' });
    expect((await read()).decision).toBeUndefined();
    expect(cardText(refused.value)).toContain('Nog niemand was het eens met deze tekst');
    expect(cardText(refused.value)).not.toContain('Besluit van de groep: aannemen zoals het is');
  }, 60_000);
});
