/**
 * Found in review, stop 41.
 *
 * The card says plainly that the proposal is AI-generated (DOMAIN), and the summary shows an
 * undecided draft under "Gemaakt door AI". Once the group adopted the draft as it is, the session
 * summary (the lasting record posted in the chat) and the session card showed the AI's words only
 * as "Het voorstel zoals de groep het aanneemt", with nothing saying AI wrote them.
 * Must hold: an AI draft adopted as it is keeps its provenance on both ("Opgesteld door AI,
 * aangenomen door de groep").
 */
import { cardText, MEMBERS } from '../support/group-driver';
import { startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';

const DRAFT = { proposal: 'Elke dienst begint met tien minuten overdracht aan een vaste tafel.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

describe('the summary of a session in which the group adopted the AI draft as it is', () => {
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

  it('still says that AI wrote the adopted text', async () => {
    const [anna, bram, cem] = MEMBERS;
    const g = await groupWithAiDraft(t, fake, '19:adopted-ai-label@thread.v2', DRAFT);
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna!, bram!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    const decided = await g.press(cem!, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    expect(cardText(decided.value)).toContain(`Opgesteld door AI, aangenomen door de groep\n${DRAFT.proposal}`);

    const before = t.connector.calls.length;
    await g.end(anna!);
    const summaryCard = () => t.connector.calls.slice(before).find((c) => c.method === 'POST' && cardText(c.activity?.attachments?.[0]?.content).includes('Samenvatting'))?.activity.attachments[0].content;
    await waitUntil('the summary is posted', () => summaryCard() !== undefined);
    const summary: unknown = summaryCard();
    const text = cardText(summary);
    expect(text).toContain(DRAFT.proposal);
    expect(text).toContain(`Opgesteld door AI, aangenomen door de groep\n${DRAFT.proposal}`);
  }, 60_000);
});
