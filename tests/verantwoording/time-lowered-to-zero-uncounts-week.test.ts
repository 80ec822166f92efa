import { activeWeekId, weekOf } from '../../src/domain/verantwoording/active-weeks';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { actionData, allActionData, PersonalChat, runDueJobs, sketchTraject, tabApi, trajectApp, trajectGroup } from './support';

/**
 * Found in review, stop 47 (a left-out of stop 46). Anna's Prof-traject is five active weeks. In a
 * week in which she attended no session she records 2 hours for her group's week, and the week
 * becomes one of her active weeks ("1 van 5"). Then she lowers the hours back to 0 (a slip), in the
 * chat's time card or in the tab: the week stayed counted, since its record did not say why it was
 * there. Must hold: the record says why its week counts; time lowered back to 0 takes away its own
 * reason, and a week with no reason left counts no longer ("0 van 5"); a week she attended a
 * session in keeps counting; a record written before the reasons were kept is never taken away by
 * a correction (why it was written is not known).
 */
describe('time lowered back to 0 no longer counts its week as active', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const chat = () => new PersonalChat(t, anna);

  beforeAll(async () => {
    t = await trajectApp();
    await sketchTraject(t, anna, 5);
  }, 60_000);
  afterAll(() => t.stop());

  /** A new group of Anna, Bram and Cem holds a session now, `present` checking in; its week is Anna's to keep time for. */
  async function groupWeek(present: (typeof MEMBERS)[number][]): Promise<GroupDriver> {
    const g = await trajectGroup(t, `19:time-to-zero-${round++}@thread.v2`, [anna, bram, cem]);
    for (const m of present) await g.checkIn(m, 4);
    await g.end(bram);
    await runDueJobs(t);
    return g;
  }
  const storedWeek = async (week: string) => {
    const { resource } = await t.store.container('personal').item(activeWeekId(anna.aadObjectId, week), anna.aadObjectId).read();
    return resource ? { sessions: resource.sessions, timeRecorded: resource.timeRecorded } : undefined;
  };
  const thisWeek = () => weekOf(t.clock.now().toISOString(), 'Europe/Amsterdam');

  it('in the chat: 2 hours make the week active, lowered back to 0 it counts no longer', async () => {
    const g = await groupWeek([bram]);
    const saveHours = async (hours: string) => {
      const overview = (await chat().say('verantwoording')).cards[0];
      const open = allActionData(overview, 'verantwoording.time.open').find((d) => d.groupId === g.groupId)!;
      const timeCard = await chat().press('verantwoording.time.open', open);
      return chat().press('verantwoording.time.save', { ...actionData(timeCard, 'verantwoording.time.save'), hours });
    };

    expect(cardText(await saveHours('2'))).toContain('1 van 5 actieve weken');
    const withTime = await storedWeek(thisWeek());
    expect(cardText(await saveHours('0'))).toContain('0 van 5 actieve weken');
    // Why the week counted; with no reason left its record is deleted (stop 48; before, it stayed emptied until the erasure).
    expect(withTime).toEqual({ sessions: [], timeRecorded: [`${g.groupId}_w1`] });
    expect(await storedWeek(thisWeek())).toBeUndefined();
  }, 120_000);

  it('in the tab: the same; a week she attended a session in keeps counting', async () => {
    const api = await tabApi(t, anna.aadObjectId);
    const correct = async (g: GroupDriver, hours: number) => {
      const cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
      expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours, rev: cycle.timeRev })).status).toBe(200);
      return (await api('GET', '')).json.trajectProgress.activeWeeks;
    };

    t.clock.advanceMinutes(7 * 24 * 60);
    const notAttended = await groupWeek([bram]);
    expect(await correct(notAttended, 2)).toBe(1);
    expect(await correct(notAttended, 0)).toBe(0);
    expect(await storedWeek(thisWeek())).toBeUndefined();

    t.clock.advanceMinutes(7 * 24 * 60);
    const attended = await groupWeek([anna, bram]);
    expect(await correct(attended, 2)).toBe(1);
    expect(await correct(attended, 0)).toBe(1);
    expect(await storedWeek(thisWeek())).toEqual({ sessions: [attended.sessionId], timeRecorded: [] });
  }, 180_000);

  it('a record from before the reasons were kept keeps its week, whatever the correction', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    const week = thisWeek();
    const old = { id: activeWeekId(anna.aadObjectId, week), type: 'activeWeek', userId: anna.aadObjectId, week, recordedAt: t.clock.now().toISOString() };
    await t.store.container('personal').items.create(old);
    const g = await groupWeek([bram]);
    const api = await tabApi(t, anna.aadObjectId);
    const cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev })).status).toBe(200);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev + 1 })).status).toBe(200);

    expect((await api('GET', '')).json.trajectProgress.activeWeeks).toBe(2);
    const { resource } = await t.store.container('personal').item(old.id, anna.aadObjectId).read();
    expect({ sessions: resource.sessions, timeRecorded: resource.timeRecorded, recordedAt: resource.recordedAt }).toEqual({ sessions: undefined, timeRecorded: undefined, recordedAt: old.recordedAt });
  }, 120_000);
});
