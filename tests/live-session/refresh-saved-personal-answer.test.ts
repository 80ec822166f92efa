import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The personal question's input is prefilled with the member's saved answer, and "Vernieuwen"
 * sends it along (associatedInputs auto). With stop 38's first fix for drafts after the group
 * moved on, the refresh called that saved answer "nog niet bewaard". Only a group question's
 * input holds a draft. Found in review of stop 38's change.
 */
describe('refresh after the group moved past a saved personal answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('does not tell the member their saved personal answer is not saved', async () => {
    const [anna, bram] = MEMBERS;
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.press(anna!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    await g.goTo(anna!, 1);
    const saved = 'Ik wil beter leren plannen';
    const afterSave = (await g.press(anna!, 'session.personal', { ...g.ids(), questionId: 9, text: saved })).value;
    expect(cardText(afterSave)).toContain('Bewaard in Mijn verantwoording');
    const refresh = afterSave.actions.find((a: any) => a.verb === 'session.refresh'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(refresh.data.questionId).toBe(9);
    await g.goTo(bram!, 2);
    // Teams sends the input as it stands: the saved answer, prefilled.
    const fresh = (await g.press(anna!, 'session.refresh', { ...refresh.data, text: saved })).value;
    expect(cardText(fresh)).not.toContain('dus dit is nog niet bewaard');
  }, 90_000);
});
