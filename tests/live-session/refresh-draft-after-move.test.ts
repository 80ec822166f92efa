/**
 * A member types an answer to question 1 on their own view and presses "Vernieuwen" (to see what
 * the others added; the card promises what was typed stays). Meanwhile a colleague moved the group
 * to question 2. The refreshed card showed question 2 and the typed words were nowhere, with no
 * word about it. They now come back on question 1, with why they are not saved. Found in review,
 * stop 38.
 */
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('"Vernieuwen" with a draft, after the group moved on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('gives the member their typed words back', async () => {
    const [anna, bram] = MEMBERS;
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const own = (await g.press(anna!, 'session.refresh', g.ids())).value;
    const refresh = own.actions.find((a: any) => a.verb === 'session.refresh'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(refresh.data.questionId).toBe(1);
    await g.goTo(bram!, 1);
    const draft = 'De overdracht tussen avond- en nachtdienst, daar gaat het elke week mis';
    const fresh = await g.press(anna!, 'session.refresh', { ...refresh.data, text: draft });
    expect((await g.items('contribution')).map((c) => c.text)).not.toContain(draft);
    expect(JSON.stringify(fresh.value)).toContain(draft);
    expect(JSON.stringify(fresh.value)).toContain('De groep ging intussen verder');
  }, 60_000);
});
