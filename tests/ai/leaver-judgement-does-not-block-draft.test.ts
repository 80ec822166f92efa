/**
 * Found in review (AI proposal and judgements of members who left).
 *
 * The group wrote its own proposal at question 6, nobody asked AI yet. Dewi judged it and then
 * left the chat (removed). Her judgement no longer counts anywhere: the card shows "0 oordelen"
 * and, since nobody in the group judges, offers "Vraag AI om een voorstel" again. Bram pressed it
 * and the app answered "De groep beoordeelt al jullie eigen voorstel (vraag 7). AI vragen kan nu
 * niet meer", sent nothing to Azure OpenAI, and the card kept offering the button: the group could
 * never get its AI draft, because of the judgement of someone no longer in it.
 * Must hold: the card and the press agree. A leaver's judgement does not stop the group (as it
 * does not count for the quorum), so the button is offered and the press starts the draft.
 */
import { membersRemoved, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = { proposal: 'Een vaste overdrachtstafel bij elke dienstwissel.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

describe('the judgement of a member who left, before anyone asked AI', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 0 }), '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('does not leave the group with an "ask AI" button that always refuses', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna, bram, , dewi] = four;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:leaver-judgement-draft@thread.v2'), four).answeredOnDayOne(
      ['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'],
      { author: anna, checkIn: 4 },
    );
    await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel.');
    await g.goTo(anna, 6);
    const dewiView = (await g.press(dewi, 'session.refresh', g.ids())).value;
    await g.press(dewi, 'proposal.judge', { ...buttonData(dewiView, 'proposal.judge'), opinion: 'agree', reason: 'Goed plan' });
    expect((await t.send(membersRemoved(g.conv, anna, [dewi]))).status).toBe(200);
    t.connector.roster = four.slice(0, 3);

    await g.goTo(anna, 5);
    const view = (await g.press(bram, 'session.refresh', g.ids())).value;
    const offered = JSON.stringify(view).includes('"verb":"proposal.draft"');
    const before = ai.requests.length;
    ai.script(success(DRAFT));
    const res = await g.press(bram, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const answer = typeof res.value === 'string' ? res.value : cardText(res.value);
    expect({ offered, refusedAsJudgingBegun: answer.includes('beoordeelt al'), askedAzure: ai.requests.length > before }).toEqual({
      offered: true,
      refusedAsJudgingBegun: false,
      askedAzure: true,
    });
    // The draft landed on the card, in place of the button.
    expect(cardText(t.connector.latest(g.sessionMessageId))).toContain(DRAFT.proposal);
  }, 60_000);
});
