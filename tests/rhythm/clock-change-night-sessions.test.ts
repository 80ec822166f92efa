// Found in review, stop 55 (fixed then: where the clocks go forward past the start time, the setup/cycle card names the time the session really opens). The fall-back and reminder cases are guards (held when written, in review of stop 55).

import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobsOf, runAt, sessionCardsPosted, textsSince } from './support';

/**
 * A group that meets on a Sunday at 02:30 in Europe/Amsterdam, across the
 * night the clocks change (31 October 2027: 02:00-03:00 happens twice; 28 March 2027: 02:00-03:00
 * does not exist). The scheduler ticks every five minutes through the night. Promise: the slot
 * opens once, never twice or skipped; what the chat is told about its time matches when it opens.
 */
type Sent = { at: string; what: string };

async function setUp(g: GroupDriver, days: string, language: 'nl' | 'en') {
  g.t.connector.roster = g.members;
  const res = await g.press(g.members[0]!, 'group.setup.save', {
    name: 'Team Nacht',
    members: g.members.map((m) => m.aadObjectId).join(','),
    days,
    startTime: '02:30',
    timeZone: 'Europe/Amsterdam',
    language,
    weeks: '2',
  }, 'setup-card');
  g.groupId = res.value.actions[0].data.groupId;
  return cardText(res.value);
}

/** Runs the app every `stepMinutes` from `from` to `to` (UTC), recording session cards and texts. */
async function tick(t: TestApp, g: GroupDriver, from: string, to: string, stepMinutes = 5): Promise<Sent[]> {
  const out: Sent[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += stepMinutes * 60_000) {
    const iso = new Date(at).toISOString();
    const before = t.connector.calls.length;
    await runAt(t, iso);
    for (const c of sessionCardsPosted(t, g, before)) out.push({ at: iso, what: `card ${/(week|Week) (\d+)/.exec(cardText(c.activity.attachments[0].content))?.[2]}.${/(dag|day|Day) (\d)/.exec(cardText(c.activity.attachments[0].content))?.[2]}` });
    for (const x of textsSince(t, g, before)) out.push({ at: iso, what: x });
  }
  return out;
}

describe('fall back: Thursday-Sunday group at 02:30, Sunday 31 October 2027', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2027-10-25T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await setUp(g, '4,5,6,7', 'nl');
  });
  afterAll(() => t.stop());

  it('day 4 opens once at 02:30 (one of the two), one reminder, one warning; week 2 keeps 02:30 in winter time', async () => {
    // Thursday to Saturday: the sessions at 02:30 CEST (00:30Z) open as ever.
    for (const d of ['2027-10-28', '2027-10-29', '2027-10-30']) await tick(t, g, `${d}T00:00:00Z`, `${d}T02:00:00Z`, 15);
    const night = await tick(t, g, '2027-10-30T23:30:00Z', '2027-10-31T03:30:00Z', 5);
    const cards = night.filter((s) => s.what.startsWith('card'));
    expect(cards).toEqual([{ at: '2027-10-31T00:30:00.000Z', what: 'card 1.4' }]);
    const reminders = night.filter((s) => /begint sessie/.test(s.what));
    expect(reminders.map((r) => r.what)).toEqual(['Over 15 minuten begint sessie 4 van week 1 (om 02:30). Tot zo!']);
    const warnings = night.filter((s) => /minuten/.test(s.what) && !/begint/.test(s.what));
    expect(warnings).toHaveLength(1);
    // Week 2 (4-7 November, winter time): its start jobs are at 02:30 CET = 01:30Z.
    const pending = (await jobsOf(t, g.groupId)).filter((j) => j.status === 'pending' && j.kind === 'session.start').map((j) => j.dueAt).sort();
    expect(pending).toEqual(['2027-11-04T01:30:00.000Z', '2027-11-05T01:30:00.000Z', '2027-11-06T01:30:00.000Z', '2027-11-07T01:30:00.000Z']);
  });
});

describe('spring forward: a Monday-Wednesday + Sunday group at 02:30, Sunday 28 March 2027 (region GB: Easter Sunday is no day off)', () => {
  let t: TestApp;
  let g: GroupDriver;
  let setupCard = '';
  beforeAll(async () => {
    t = await startTestApp({ HOLIDAY_REGION: 'GB' }, '2027-03-15T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    setupCard = await setUp(g, '1,2,3,7', 'en');
  });
  afterAll(() => t.stop());

  it('day 4 opens once (03:30 CEST, 02:30 does not exist), and the reminder names the time it opens', async () => {
    for (const d of ['2027-03-22', '2027-03-23', '2027-03-24']) await tick(t, g, `${d}T01:00:00Z`, `${d}T03:00:00Z`, 15);
    // The week's card ("status") gives Sunday's session the time it opens, the days held theirs.
    t.clock.set('2027-03-27T12:00:00Z');
    await t.send(message(g.conv, g.members[0]!, 'status'));
    const week = cardText(t.connector.cards((c) => c.method === 'POST').at(-1)!.card);
    expect(week).toContain('Day 4 · Sun 28 Mar · 03:30');
    expect(week).toContain('Day 1 · Mon 22 Mar · 02:30');
    const night = await tick(t, g, '2027-03-27T23:30:00Z', '2027-03-28T03:30:00Z', 5);
    const cards = night.filter((s) => s.what.startsWith('card'));
    expect(cards).toHaveLength(1);
    const opened = new Date(cards[0]!.at);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(opened);
    const reminders = night.filter((s) => /session 4 of week 1/i.test(s.what));
    expect(reminders).toHaveLength(1);
    // The reminder names a time; the session must open at that local time.
    expect(reminders[0]!.what).toContain(`(at ${local})`);
    expect(local).toBe('03:30');
  });

  it('the setup card, which says when week 1 is planned, names the time its Sunday session really opens', () => {
    // Before the fix: "Week 1 is planned for Mon 22 Mar – Sun 28 Mar, at 02:30." while Sunday opens at 03:30.
    const line = setupCard.split('\n').find((l) => /Week 1 is planned for/.test(l)) ?? '';
    expect(line).toContain('Sun 28 Mar');
    expect(line).toMatch(/03:30/);
  });
});
