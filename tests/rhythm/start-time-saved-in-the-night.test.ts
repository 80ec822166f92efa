// Found in review, stop 55 (fixed then: a start time saved between the two 02:30s of the night the clocks go back is held at the second; a session whose new time today has passed is said on the save's answer, the group's to start, and no past time shows as planned).

import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt, sessionCardsPosted, sessionDays, textsSince } from './support';

/**
 * A Thursday-Sunday group saves its settings in the night the clocks go back (Sunday 31 October
 * 2027, 02:00-03:00 happens twice), at 02:15 winter time (01:15Z), and picks 02:30 as its new start
 * time: on the wall clock 02:30 is still ahead (01:30Z). Promise: a slot opens at the group's
 * wall-clock time, never skipped. And a new start time already past today, on the last day of a
 * started week: the group is told the session no longer starts by itself, and is theirs to start.
 */
type Sent = { at: string; what: string };

async function save(g: GroupDriver, startTime: string) {
  g.t.connector.roster = g.members;
  const res = await g.press(g.members[0]!, 'group.setup.save', {
    name: 'Team Nacht',
    members: g.members.map((m) => m.aadObjectId).join(','),
    days: '4,5,6,7',
    startTime,
    timeZone: 'Europe/Amsterdam',
    language: 'nl',
    weeks: '2',
  }, 'setup-card');
  return res;
}

async function tick(t: TestApp, g: GroupDriver, from: string, to: string, stepMinutes: number): Promise<Sent[]> {
  const out: Sent[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += stepMinutes * 60_000) {
    const iso = new Date(at).toISOString();
    const before = t.connector.calls.length;
    await runAt(t, iso);
    for (const c of sessionCardsPosted(t, g, before)) out.push({ at: iso, what: `card ${/week (\d+)/i.exec(cardText(c.activity.attachments[0].content))?.[1]}.${/dag (\d)/.exec(cardText(c.activity.attachments[0].content))?.[1]}` });
    for (const x of textsSince(t, g, before)) out.push({ at: iso, what: x });
  }
  return out;
}

describe('start time saved as 02:30 at 02:15 winter time on the night the clocks go back', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2027-10-25T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    g.groupId = (await save(g, '09:00')).value.actions[0].data.groupId;
  });
  afterAll(() => t.stop());

  it('Sunday\'s session, the week\'s last, opens once at 02:30 on the wall clock (01:30Z), not skipped', async () => {
    // Thursday to Saturday at 09:00 CEST (07:00Z): the week's days 1-3 open by themselves.
    for (const d of ['2027-10-28', '2027-10-29', '2027-10-30']) await tick(t, g, `${d}T06:30:00Z`, `${d}T08:30:00Z`, 30);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2, 3]);
    // 02:15 CET, the second time round: the clock reads 02:15 and the group picks 02:30.
    t.clock.set('2027-10-31T01:15:00Z');
    await save(g, '02:30');
    const night = await tick(t, g, '2027-10-31T01:15:00Z', '2027-10-31T09:00:00Z', 5);
    const cards = night.filter((s) => s.what.startsWith('card'));
    expect(cards).toEqual([{ at: '2027-10-31T01:30:00.000Z', what: 'card 1.4' }]);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2, 3, 4]);
  });
});

describe('the same save at 02:15 on an ordinary Sunday night (7 November 2027)', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2027-11-01T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    g.groupId = (await save(g, '09:00')).value.actions[0].data.groupId;
  });
  afterAll(() => t.stop());

  it('Sunday\'s session opens at 02:30 (01:30Z)', async () => {
    for (const d of ['2027-11-04', '2027-11-05', '2027-11-06']) await tick(t, g, `${d}T07:30:00Z`, `${d}T09:30:00Z`, 30);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2, 3]);
    t.clock.set('2027-11-07T01:15:00Z');
    await save(g, '02:30');
    const night = await tick(t, g, '2027-11-07T01:15:00Z', '2027-11-07T03:00:00Z', 5);
    expect(night.filter((s) => s.what.startsWith('card'))).toEqual([{ at: '2027-11-07T01:30:00.000Z', what: 'card 1.4' }]);
  });
});

describe('a start time moved behind the clock on the last day of a started week (ordinary Sunday, 7 November 2027)', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2027-11-01T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    g.groupId = (await save(g, '09:00')).value.actions[0].data.groupId;
  });
  afterAll(() => t.stop());

  it('the save\'s answer says session 4 no longer starts by itself and is the group\'s to start; no past time shows as planned', async () => {
    for (const d of ['2027-11-04', '2027-11-05', '2027-11-06']) await tick(t, g, `${d}T07:30:00Z`, `${d}T09:30:00Z`, 30);
    // 02:45 CET: the group picks 02:30, a moment already past today; the day's 09:00 slot is cancelled.
    t.clock.set('2027-11-07T01:45:00Z');
    const before = t.connector.calls.length;
    const answer = cardText((await save(g, '02:30')).value);
    const night = await tick(t, g, '2027-11-07T01:45:00Z', '2027-11-07T12:00:00Z', 15);
    const said = [answer, ...textsSince(t, g, before), ...night.map((s) => s.what)].join('\n');
    // Before the fix the answer listed "Dag 4 · zo 7 nov · 02:30", a moment already past that opened nothing, and said nothing.
    expect(await sessionDays(t, g, 1)).toEqual([1, 2, 3]);
    expect(said).toMatch(/sessie 4/i);
    expect(answer).toContain('sessie 4 van week 1, de laatste van de week, begint vandaag niet vanzelf');
    expect(answer).toContain('met start');
    expect(answer).not.toContain('zo 7 nov · 02:30');
    // The days held show when they were held (09:00, before the change), not the new time.
    expect(answer).toContain('Dag 1 · do 4 nov · 09:00');
  });
});
