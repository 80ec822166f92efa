import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobsOf, sessionCardsPosted, setUpWithWeeks } from './support';

/**
 * Guard: sessions planned at 09:00 local open at 09:00 local in the week after a change of summer
 * time, in both directions (29 March and 25 October 2026), over HTTP with the durable scheduler.
 * Passed when written (stop 32 review); kept as the one end-to-end check across the change.
 */
const textsSince = (t: TestApp, g: GroupDriver, from: number) =>
  t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);

/** Runs each week-day at the given UTC times and records which day opened when. */
async function runDays(t: TestApp, g: GroupDriver, dates: string[], times: string[]) {
  const opened: string[] = [];
  const texts: string[] = [];
  for (const date of dates) {
    for (const time of times) {
      const before = t.connector.calls.length;
      t.clock.set(`${date}T${time}:00Z`);
      await t.app.scheduler.runDue();
      for (const c of sessionCardsPosted(t, g, before)) opened.push(`${date}T${time} ${/dag (\d)/.exec(cardText(c.activity.attachments[0].content))?.[1]}`);
      texts.push(...textsSince(t, g, before));
    }
    t.clock.set(`${date}T12:00:00Z`);
    await t.app.scheduler.runDue();
  }
  return { opened, texts };
}

describe.each([
  ['spring forward (29 March 2026)', '2026-03-19T12:00:00Z', ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'], '08:00', ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'], '07:00'],
  ['fall back (25 October 2026)', '2026-10-15T12:00:00Z', ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22'], '07:00', ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29'], '08:00'],
])('a 09:00 Amsterdam group across %s', (_name, start, week1, utc1, week2, utc2) => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, start);
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await setUpWithWeeks(g, '4');
  });
  afterAll(() => t.stop());

  it('guard: opens week 1 at 09:00 local, then week 2 (after the change) at 09:00 local', async () => {
    const times = ['06:45', '07:00', '07:45', '08:00', '09:00'];
    const w1 = await runDays(t, g, week1, times);
    expect(w1.opened).toEqual(week1.map((d, i) => `${d}T${utc1} ${i + 1}`));
    const pending = (await jobsOf(t, g.groupId)).filter((j) => j.status === 'pending' && j.kind === 'session.start');
    expect(pending.map((j) => j.dueAt).sort()).toEqual(week2.map((d) => `${d}T${utc2}:00.000Z`));
    const w2 = await runDays(t, g, week2, times);
    expect(w2.opened).toEqual(week2.map((d, i) => `${d}T${utc2} ${i + 1}`));
    expect(w2.texts.filter((x) => /Over 15 minuten/.test(x))).toEqual(week2.map((_, i) => `Over 15 minuten begint sessie ${i + 1} van week 2 (om 09:00). Tot zo!`));
  });
});
