/**
 * Promise: AI output is never presented as the group's. A member presses "Vraag AI om een
 * voorstel"; the AI drafts; nobody writes at the proposal question, judges or decides, and the
 * session ends. HR's report to the board counted that draft under "Voorstellen gedaan", the
 * indicator of the groups' improvement proposals. An AI draft alone counts nowhere now; the
 * group's own text or a decision makes a proposal. Found in review, stop 34.
 */
import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCard } from '../support/hr-report';

const DRAFT = { proposal: 'AI-TEKST: een vast overdrachtsformulier.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };
const hanna = user('Hanna'); // HR/L&O

describe('an undecided, unjudged AI draft', () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeAzureOpenAi>>;
  beforeAll(async () => {
    fake = await startFakeAzureOpenAi();
    t = await startTestApp(
      { HR_USER_IDS: 'aad-hanna', AZURE_OPENAI_ENDPOINT: fake.url, AZURE_OPENAI_DEPLOYMENT: fake.deployment, AZURE_OPENAI_API_KEY: fake.apiKey, AI_TIMEOUT_MS: '2000', AI_MAX_RETRIES: '0' },
      '2026-11-23T08:00:00Z',
      { sharedCardIntervalMs: 0 },
    );
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  it('does not count the AI draft under "proposals made" as if the group made it', async () => {
    const [anna, bram] = MEMBERS;
    const g = await groupWithAiDraft(t, fake, '19:probe-draft-count@thread.v2', DRAFT, { toQuestionSix: false });
    const proposal = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0];
    expect(proposal.ai.status).toBe('drafted');
    const judgements = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type IN ('judgement', 'contribution') AND c.questionId IN (6, 7)", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    expect(judgements).toHaveLength(0); // nobody wrote or judged anything about the proposal
    await g.end(anna!);

    t.clock.set('2026-12-01T10:00:00Z');
    const card = (await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30')) as { actions: { url: string }[] };
    const links = card.actions.map((a) => new URL(a.url));
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${links[0]!.pathname}${links[0]!.search}`)).text(), { columns: true });
    const made = rows.find((r) => r.section === 'totals' && r.metric === 'proposalsMade')?.value;
    expect(made).toBe('0');
    expect(cardText(card)).toMatch(/Voorstellen gemaakt\s+0\s/);
  }, 60_000);
});
