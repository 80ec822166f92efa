/**
 * Found in review, stop 41.
 *
 * "Aannemen zoals het is" needs at least one "eens" and no more "oneens" than "eens": one member
 * cannot record the adoption of an AI draft the group judged against. That member then chose
 * "aanpassen, in eigen woorden" and pasted the AI's text, unchanged, into the own-words field: it
 * was stored as "adapt", the AI draft all three judged "oneens" recorded as the group's own words,
 * with no AI label anywhere.
 * Must hold: own words that are the proposal as it stands (but for spaces around it) are adopting
 * it as it is, under the same rule: refused next to the own-words field, in the group's language,
 * with the member's inputs kept and nothing stored.
 */
import { cardText, MEMBERS } from '../support/group-driver';
import { startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = { proposal: 'AI-TEKST: schaf de overdracht tussen diensten helemaal af.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

describe('adapting an AI draft "in our own words" with the AI\'s own words', () => {
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

  it('is not a way around the rule that a text judged against is not adopted as it is', async () => {
    const g = await groupWithAiDraft(t, fake, '19:adapt-verbatim@thread.v2', DRAFT);
    const read = async () => (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0];
    const proposal = await read();
    expect(proposal.ai.status).toBe('drafted');

    for (const who of [anna!, bram!, cem!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: proposal.id, opinion: 'disagree', reason: 'Te riskant voor de zorg' });
    const refused = await g.press(cem!, 'proposal.decide', { ...g.ids(), proposalId: proposal.id, decision: 'accept', decisionReason: 'Scheelt tijd', adoptedText: '', firstStep: 'Morgen proberen' });
    expect(cardText(refused.value)).toContain('Meer leden waren het oneens (3) dan eens (0) met deze tekst');

    // The same member "adapts" it: the AI's text, pasted unchanged (a space around it, as a paste gives).
    const res = await g.press(cem!, 'proposal.decide', { ...g.ids(), proposalId: proposal.id, decision: 'adapt', decisionReason: 'Scheelt tijd', adoptedText: `  ${DRAFT.proposal}\n`, firstStep: 'Morgen proberen' });
    const after = await read();
    expect(after.decision).toBeUndefined();
    expect(cardText(res.value)).toContain('Dit is de tekst van het voorstel zoals hij er staat, niet in jullie eigen woorden');
    expect(JSON.stringify(res.value)).toContain('Morgen proberen');
    expect(JSON.stringify(res.value)).toContain('Scheelt tijd');
  }, 60_000);

  it('is recorded as adopting the AI draft as it is, with its AI label, when the judgements carry that', async () => {
    const g = await groupWithAiDraft(t, fake, '19:adapt-verbatim-agreed@thread.v2', DRAFT);
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna!, bram!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    const input = { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Scheelt tijd', adoptedText: `${DRAFT.proposal}\n`, firstStep: 'Morgen proberen' };
    const res = await g.press(cem!, 'proposal.decide', input);
    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(stored.decision).toMatchObject({ verdict: 'accept', text: DRAFT.proposal });
    expect(cardText(res.value)).toContain(`Opgesteld door AI, aangenomen door de groep\n${DRAFT.proposal}`);
    // Teams delivering the same press again: the member's view, nothing refused, nothing changed.
    const again = await g.press(cem!, 'proposal.decide', input);
    expect(cardText(again.value)).not.toContain('Jouw keuze is niet opgeslagen');
    expect(cardText(again.value)).toContain('Besluit van de groep: aannemen zoals het is');
    expect((await t.store.container('sessions').item(proposalId, g.groupId).read()).resource.decision).toEqual(stored.decision);
  }, 60_000);
});
