/**
 * An AI draft that every member judged ("oneens", with reasons) but the group did not formally
 * decide on was labelled in Mijn verantwoording, the prep card and the proposal search as
 * "Concept van AI, nog niet beoordeeld door de groep" / "not yet judged by the group": a claim
 * about the group's judgement the app did not check, and here false. The label now says what is
 * true of every undecided draft: the AI's, with no decision of the group. Found in review, stop 32.
 */
import { randomUUID } from 'node:crypto';
import { ConversationSpec, message, TestUser } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = { proposal: 'AI-CONCEPT: schaf de overdracht helemaal af', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

function invoke(conv: ConversationSpec, from: TestUser, name: string, value: Record<string, unknown>) {
  return {
    type: 'invoke', name, id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId }, source: { name: 'message' } },
    value,
  };
}

describe('an AI draft the group judged is not called "not yet judged by the group"', () => {
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

  it('every member judged the AI draft "oneens"; the verantwoording and the search still say the group has not judged it', async () => {
    const [anna, bram, cem] = MEMBERS;
    const g = await groupWithAiDraft(t, fake, '19:judged-draft@thread.v2', DRAFT);
    const proposal = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0];
    expect(proposal.ai.status).toBe('drafted');
    for (const who of [anna!, bram!, cem!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: proposal.id, opinion: 'disagree', reason: 'Te riskant voor de zorg' });
    const judgements = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'judgement'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    expect(judgements).toHaveLength(3);
    await g.end(anna!);
    await t.app.outbox.drain(30_000);

    // Anna's own verantwoording.
    const personal = t.conversation('personal', 'a:judged-anna');
    const sent = t.connector.calls.length;
    await t.send(message(personal, anna!, 'verantwoording'));
    const overview = t.connector.calls.slice(sent).map((c) => c.activity?.attachments?.[0]?.content).filter(Boolean).map((c) => cardText(c)).join('\n');
    expect(overview).toContain('AI-CONCEPT');

    // The proposal search, inserted in a chat.
    const res = await t.send(invoke(g.conv, anna!, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } }));
    const hits = (res.body?.composeExtension?.attachments ?? []) as { content: unknown; preview: unknown }[];
    const searched = hits.map((h) => cardText(h.content) + '\n' + JSON.stringify(h.preview)).join('\n');
    expect(searched).toContain('AI-CONCEPT');

    // The group judged it (3 x oneens): no card should say the group has not judged it.
    const saysNotJudged = (s: string) => /nog niet beoordeeld door de groep|not yet judged by the group/i.test(s);
    expect({ overviewSaysNotJudged: saysNotJudged(overview), searchSaysNotJudged: saysNotJudged(searched) }).toEqual({ overviewSaysNotJudged: false, searchSaysNotJudged: false });
    // What is true: the AI's draft, on which the group took no decision.
    expect(overview).toContain('Concept van AI; de groep heeft er (nog) geen besluit over genomen');
  });
});
