/**
 * A B3 poll's reminder run late (the app down from Friday morning, the "1 day before" reminder's
 * time, until Saturday 02:00 Amsterdam) posts nothing in the night of a weekend: neither in the
 * team's channel nor as private nudges. It goes out at the next working-hours moment before the
 * close, Monday 09:00, as a planned reminder would; so does HR's half-yearly reminder, overdue
 * since Tuesday 1 December 09:00 (found in review, stop 68).
 */
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('a B3 reminder overdue when the app comes back in the night of a weekend', () => {
  let t: TestApp;
  let d: PulseDriver;
  const north: TestTeam = team('Care Team North', 'north', [HR, ...members('north', 7)]);
  const postedSince = (before: number) =>
    t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.activity)
      .map((c) => `${c.conversationId}: ${[c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join(' ').slice(0, 90)}`);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'night-reminder-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    // Closes Monday 7 December: reminders halfway (Monday 30 November) and "1d" (Sunday, so Friday 4 December 09:00).
    await d.startPoll(north, 'poll start this team 2026-12-07 remind private language en');
    for (const m of north.members.slice(1, 3)) await d.answerOnCard(north, m, 4);
    t.clock.set('2026-11-30T20:00:00Z'); // the halfway reminder on its day
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t?.stop());

  it('posts no reminder or nudge at 02:00 on a Saturday, and posts it on Monday at 09:00', async () => {
    t.clock.set('2026-12-05T01:00:00Z'); // Saturday 02:00 in Amsterdam
    const atNight = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    expect({ postedAtTwoOnSaturdayNight: postedSince(atNight) }).toEqual({ postedAtTwoOnSaturdayNight: [] });

    t.clock.set('2026-12-06T12:00:00Z'); // still the weekend: nothing due
    const onSunday = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    expect({ postedOnSunday: postedSince(onSunday) }).toEqual({ postedOnSunday: [] });

    t.clock.set('2026-12-07T08:00:00Z'); // Monday 09:00 in Amsterdam, the poll's last day
    const onMonday = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    const posted = postedSince(onMonday);
    expect({
      channelReminders: posted.filter((p) => p.startsWith(`${north.id};messageid=`) && p.includes('B3 mirror reminder') && p.includes('Today is the last day')).length,
      // Everyone the poll went to who has not answered: HR (a member) and five of the seven others.
      privateNudges: posted.filter((p) => p.includes('A moment for your B3 mirror?')).length,
      // HR's half-yearly reminder, due Tuesday 1 December 09:00, waited with it for working hours.
      halfYearReminders: posted.filter((p) => p.startsWith('a:1on1-aad-hanna:') && p.includes('Het halfjaar loopt af')).length,
      allPosts: posted.length,
    }).toEqual({ channelReminders: 1, privateNudges: 6, halfYearReminders: 1, allPosts: 8 });
  }, 120_000);
});

describe('a B3 reminder overdue when the app comes back after working hours on the closing day', () => {
  let t: TestApp;
  let d: PulseDriver;
  const south: TestTeam = team('Care Team South', 'south', [HR, ...members('south', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'late-reminder-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(south, 'poll start this team 2026-12-07 remind private language en');
    t.clock.set('2026-11-30T20:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t?.stop());

  it('is dropped: no working-hours moment is left before the close', async () => {
    t.clock.set('2026-12-07T19:00:00Z'); // Monday 20:00 in Amsterdam; the poll closes at midnight
    const before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    await d.settle();
    const reminders = () =>
      t.connector.calls
        .slice(before)
        .filter((c) => c.method === 'POST' && c.activity)
        .map((c) => `${c.conversationId}: ${[c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join(' ').slice(0, 90)}`)
        .filter((text) => /B3 mirror reminder|A moment for your B3 mirror/.test(text));
    expect(reminders()).toEqual([]);
    // Nor the next morning: the reminder's job is done, and the poll closed at midnight.
    t.clock.set('2026-12-08T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    expect(reminders()).toEqual([]);
  }, 120_000);
});
