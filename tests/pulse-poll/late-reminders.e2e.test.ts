/**
 * B3 mirror reminders that run late (the app was down, the scheduler lagged) stay sensible.
 * Problem this guards against: sendReminder checked only poll.status, so after the bot was down
 * past the closing moment, the overdue reminders were posted in the poll thread saying "0 days
 * left to answer" right before the card said the poll was closed; and catching up posted every
 * overdue reminder, one after the other, with the same figures.
 */
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** The reminders posted since call `before`, as text (the thread's text and its cards). */
function remindersSince(t: TestApp, before: number): string[] {
  return t.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
    .filter((p) => /B3 mirror reminder/.test(p));
}

// Opened Monday 23 November, closing Friday 4 December: reminders halfway (about 30 November) and
// one day before the close (Thursday 3 December), the default B3_REMINDER_POINTS "50%,1d".
const START = 'poll start this team 2026-12-04 language en';

describe('late B3 mirror reminders', () => {
  let t: TestApp;
  let d: PulseDriver;
  const north: TestTeam = team('Care Team North', 'north', [HR, ...members('north', 7)]);

  beforeEach(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'late-reminders-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(north, START);
    for (const m of north.members.slice(1, 6)) await d.answerOnCard(north, m, 4);
  }, 60_000);
  afterEach(() => t.stop());

  it('posts no reminder ("0 days left") once the poll is past its closing moment, though the close has not run yet', async () => {
    // Down from before the first reminder until Saturday 5 December, after the closing moment.
    t.clock.set('2026-12-05T06:00:00Z');
    const before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    expect(remindersSince(t, before)).toEqual([]);
    const posted = t.connector.calls.slice(before).map((c) => JSON.stringify(c.activity)).join('\n');
    expect(posted).not.toMatch(/0 days left/);
  }, 60_000);

  it('posts only the latest overdue reminder when catching up, with the days left as they are now', async () => {
    // Down from before the first reminder until Thursday 3 December, noon: both reminders are overdue.
    t.clock.set('2026-12-03T11:00:00Z');
    const before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    const reminders = remindersSince(t, before);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('2 days left');
  }, 60_000);

  it('still posts each reminder on its own day when the app runs on time', async () => {
    t.clock.set('2026-11-30T12:00:00Z');
    let before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    expect(remindersSince(t, before)).toHaveLength(1);
    t.clock.set('2026-12-03T12:00:00Z');
    before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    expect(remindersSince(t, before)).toHaveLength(1);
  }, 60_000);
});
