import { user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const FOUR = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user);
type Member = (typeof FOUR)[number];
const [anna, bram, cem] = FOUR as [Member, Member, Member];
const OWN = 'Ons eigen voorstel: een vaste overdrachtstafel om kwart voor.';


/**
 * The hour ran out after the group wrote its own proposal (question 6) and before it judged it
 * (question 7), with AI off. The next session resumes question 7: it shows the proposal the
 * group wrote, and the group judges and adopts that text, without typing it again.
 */
describe('question 7 carried over to the next session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  it('shows the group\'s own proposal from the session before, and adopts it as judged', async () => {
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:carried-proposal@thread.v2'), FOUR).answeredOnDayOne(['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier', OWN], { author: anna, checkIn: 4 });
    const cycleId = `${g.groupId}_w1`;
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await g.startSession(anna, cycleId);
    const session = await g.session();
    expect(session.questionIds[0]).toBe(7);

    for (const m of FOUR) await g.checkIn(m, 4);
    const view = (await g.press(anna, 'session.refresh', g.ids())).value;
    expect(cardText(view)).toContain(OWN);
    for (const m of [anna, bram]) {
      const own = (await g.press(m, 'session.refresh', g.ids())).value;
      await g.press(m, 'proposal.judge', { ...buttonData(own, 'proposal.judge'), opinion: 'agree', reason: `Goed (${m.name})` });
    }
    const form = (await g.press(cem, 'session.refresh', g.ids())).value;
    await g.press(cem, 'proposal.decide', { ...buttonData(form, 'proposal.decide'), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    const proposal = (await t.store.container('sessions').item(`${cycleId}_p`, g.groupId).read()).resource;
    expect(proposal.decision).toMatchObject({ verdict: 'accept', text: OWN });
  });
});
