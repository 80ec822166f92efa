import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt as at, sessionCardsPosted, sessionDays, textsSince } from './support';

/**
 * The scheduler comes back after it was down for days in the middle of a started week: the
 * ten-minute warning of Monday's session was said on Friday (its job ran first, and said it
 * whatever the time); a day that passed unheld went unmentioned. Week 1 is Mon 23 - Thu 26 Nov
 * 2026 at 09:00 Amsterdam (08:00 UTC). Found in review, stop 36.
 */
describe('catching up after the scheduler was down during a started week', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
  });
  afterEach(() => t.stop());

  it('down from Monday 09:30 (session open) until Friday: no stale "10 minutes left", no session card days late', async () => {
    await at(t, '2026-11-23T07:45:00Z');
    await at(t, '2026-11-23T08:00:00Z'); // day 1 opens
    expect(await sessionDays(t, g, 1)).toEqual([1]);
    await at(t, '2026-11-23T08:30:00Z');
    // The instance is down until Friday 27 Nov, 11:00 Amsterdam.
    const before = t.connector.calls.length;
    await at(t, '2026-11-27T10:00:00Z');
    const texts = textsSince(t, g, before);
    expect(sessionCardsPosted(t, g, before)).toHaveLength(0);
    expect(texts.filter((s) => /^Nog \d+ minu/.test(s))).toEqual([]);
  });

  // Found in review, stop 36: Wednesday's slot opened day 2 and Thursday's day 3, so day 4 (the
  // week summary) was never held, and nothing said so; the reminder said "sessie 3" for day 2.
  it('down all Tuesday: the group is told which day opens, and that the last day is theirs to start', async () => {
    await at(t, '2026-11-23T07:45:00Z');
    await at(t, '2026-11-23T08:00:00Z');
    await at(t, '2026-11-23T09:01:00Z');
    // Down from Monday evening until Wednesday 07:50 (08:50 Amsterdam).
    const before = t.connector.calls.length;
    await at(t, '2026-11-25T07:50:00Z');
    await at(t, '2026-11-25T08:00:00Z');
    expect(await sessionDays(t, g, 1)).toEqual([1, 2]);
    const told = textsSince(t, g, before);
    expect(told.filter((s) => /Sessie 2 van week 1 begint nu/.test(s))).toHaveLength(1);
    expect(told.filter((s) => /sessie 3 van week 1/i.test(s))).toEqual([]);
  });
});
