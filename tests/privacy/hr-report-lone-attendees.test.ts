import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const hanna = user('Hanna'); // HR/L&O

/** Every way `hours` head counts can be spread over `sessions` sessions of one group-week (each >= 1, one >= 3). */
function spreads(sessions: number, hours: number): number[][] {
  const out: number[][] = [];
  const walk = (left: number, parts: number[]) => {
    if (parts.length === sessions) {
      if (left === 0 && Math.max(...parts) >= 3) out.push(parts);
      return;
    }
    for (let n = parts.length ? parts[parts.length - 1]! : 1; n <= left; n++) walk(left - n, [...parts, n]);
  };
  walk(hours, []);
  return out;
}

/**
 * ATTACK (HR reading one whole week): a group of three, Monday all three, Tuesday to Thursday
 * only Anna. With every session of a counted week in the figures, sessionsHeld 4 and
 * learningHours 6 left one way to spread the hours (3/1/1/1): three sessions of one person, whom
 * the two who stayed away know. Sessions fewer than 3 came to are in no figure. Found in review,
 * stop 32.
 */
describe('HR\'s report of one whole week', () => {
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: hanna.aadObjectId }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const m of [anna, bram, cem]) await g.checkIn(m, 3);
    await g.end();
    for (let day = 1; day <= 3; day++) {
      t.clock.advanceMinutes(24 * 60);
      await g.startSession();
      await g.checkIn(anna, 2); // only Anna comes
      await g.end(anna);
    }
    t.clock.set('2026-11-30T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('attack: sessionsHeld and learningHours of one week leave no spread with a session of fewer than 3', async () => {
    const link = new URL((await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-23 2026-11-29')).actions[0].url);
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
    const value = (metric: string) => Number(rows.find((r) => r.section === 'totals' && r.metric === metric)!.value);
    const [sessions, hours] = [value('sessionsHeld'), value('learningHours')];
    const possible = spreads(sessions, hours);
    // Leak: exactly one possible spread, and in it sessions attended by fewer than the minimum (3).
    const forced = possible.length === 1 && possible[0]!.some((n) => n < 3) ? possible[0] : undefined;
    expect({ sessions, hours, forced }).toEqual({ sessions, hours, forced: undefined });
  });
});
