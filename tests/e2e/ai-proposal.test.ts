import { botAdded } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, MEMBERS } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, malformed, rateLimited, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';
import { groupAtQuestionSix as atQuestionSix, HANDOVER_DRAFT } from '../support/ai-fixtures';

const DRAFT = HANDOVER_DRAFT;

/** Question 6 with Azure OpenAI behind the real SDK, served by a local fake of its REST API. */
describe('the AI proposal in a session', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;

  const groupAtQuestionSix = (conversationId: string) => atQuestionSix(t, conversationId);

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 1 }), undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('greets a new chat with the AI draft among the steps, since AI is on', async () => {
    const conv = t.conversation('groupChat', '19:ai-welcome@thread.v2');
    await t.send(botAdded(conv, MEMBERS[0]!));
    const greeting = t.connector.cards((c) => c.method === 'POST').at(-1)!.card;
    expect(cardText(greeting)).toContain('laat AI een verbetervoorstel schetsen');
  });

  it('shows progress at once, then the labelled draft on the shared card', async () => {
    const g = await groupAtQuestionSix('19:ai-success@thread.v2');
    ai.script(success(DRAFT));
    const pressed = await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    expect(cardText(pressed.value)).toContain('AI denkt mee');
    await t.app.background.idle();
    const shared = cardText(g.sharedCard());
    expect(shared).toContain('Gemaakt door AI: beoordeel het zelf');
    // The AI label sits on a tinted container: it must stay readable (and the card valid).
    expect(cardProblems(g.sharedCard())).toEqual([]);
    expect(shared).toContain(DRAFT.proposal);
    expect(shared).toContain(DRAFT.risks[0]);
    expect(shared).toContain(DRAFT.questionsToCheck[0]);
    const sent = JSON.stringify(ai.requests.at(-1));
    expect(sent).toContain('Informatie raakt kwijt');
  });

  it('starts one draft when two members ask at the same moment', async () => {
    const g = await groupAtQuestionSix('19:ai-double@thread.v2');
    ai.script(success(DRAFT));
    const before = ai.requests.length;
    await Promise.all([g.press(MEMBERS[0]!, 'proposal.draft', g.ids()), g.press(MEMBERS[1]!, 'proposal.draft', g.ids())]);
    await t.app.background.idle();
    expect(ai.requests.length - before).toBe(1);
  });

  it('waits out a 429 and still delivers the draft', async () => {
    const g = await groupAtQuestionSix('19:ai-429@thread.v2');
    ai.script(rateLimited(1), success(DRAFT));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain(DRAFT.proposal);
  });

  it('tells the group plainly when the output is unusable, and lets them continue', async () => {
    const g = await groupAtQuestionSix('19:ai-malformed@thread.v2');
    ai.script(malformed('dit is geen JSON'), malformed('nog steeds niet'));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const shared = cardText(g.sharedCard());
    expect(shared).toContain('AI gaf een onbruikbaar antwoord');
    expect(shared).toContain('Ga verder met jullie eigen verbetervoorstel');
    const own = await g.contribute(MEMBERS[2]!, 6, 'Ons eigen voorstel: vaste overdracht');
    expect(cardText(own.value)).toContain('Ons eigen voorstel: vaste overdracht');
  });
});
