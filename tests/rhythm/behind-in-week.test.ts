import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt as at, sessionDays, textsSince } from './support';

/**
 * What the group is told when days of a started week passed unheld (stop 36), found in the third
 * review of stop 36: a reminder for a day that would not open (a day started by hand was still
 * open) and a false "starts now"; the notice said again the next day; one missed session named
 * where two were. Week 1 is Mon 23 - Thu 26 Nov 2026 at 09:00 Amsterdam (08:00 UTC).
 */
describe('the notice of days passed unheld, and the reminder', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await at(t, '2026-11-23T07:45:00Z');
    await at(t, '2026-11-23T08:00:00Z');
    await at(t, '2026-11-23T09:01:00Z');
  });
  afterEach(() => t.stop());

  it('down all Tuesday; the group starts day 2 by hand on Wednesday 08:30: no reminder for day 3 that does not open, no false "starts now"', async () => {
    t.clock.set('2026-11-25T07:30:00Z');
    await g.startSession(g.members[0]!, `${g.groupId}_w1`);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2]);
    const before = t.connector.calls.length;
    await at(t, '2026-11-25T07:50:00Z');
    await at(t, '2026-11-25T08:00:00Z');
    const told = textsSince(t, g, before);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2]); // day 3 does not open at 09:00
    expect(told.filter((s) => /sessie 3 van week 1/i.test(s))).toEqual([]); // so the reminder must not announce it
    expect(told.filter((s) => /begint nu, in plaats van/.test(s))).toEqual([]); // day 2 did not "start now"
  });

  it('down all Tuesday: the behind notice is said once in the week, not again on Thursday', async () => {
    const before = t.connector.calls.length;
    await at(t, '2026-11-25T07:50:00Z');
    await at(t, '2026-11-25T08:00:00Z');
    await at(t, '2026-11-25T09:01:00Z');
    await at(t, '2026-11-26T07:50:00Z');
    await at(t, '2026-11-26T08:00:00Z');
    const told = textsSince(t, g, before);
    expect(await sessionDays(t, g, 1)).toEqual([1, 2, 3]);
    expect(told.filter((s) => /in plaats van sessie/.test(s))).toHaveLength(1);
  });

  it('down Tuesday and Wednesday: Thursday opens day 2, and two days (3 and 4) are left without a slot, not only the last', async () => {
    const before = t.connector.calls.length;
    await at(t, '2026-11-26T07:50:00Z');
    await at(t, '2026-11-26T08:00:00Z');
    const told = textsSince(t, g, before).filter((s) => /in plaats van sessie/.test(s));
    expect(await sessionDays(t, g, 1)).toEqual([1, 2]);
    expect(told).toHaveLength(1);
    expect(told[0]).not.toMatch(/De laatste sessie van de week heeft zo geen eigen dag meer/);
  });
});
