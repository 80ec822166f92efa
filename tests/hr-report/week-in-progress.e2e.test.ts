import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCard } from '../support/hr-report';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const hanna = user('Hanna'); // HR/L&O

/**
 * ATTACK (HR differencing by time): sessions count by whole weeks of a group, and a week still in
 * progress was counted as far as it got. HR asked for the same period on Wednesday evening and on
 * Thursday evening; the difference was Thursday's session and its head count (only Anna came).
 * A week counts once it is over. Found in review, stop 32.
 */
describe('HR report over a week still in progress', () => {
  let t: TestApp;
  let g: GroupDriver;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');
  const totals = async (from: string, to: string) => {
    const card = await reportCard(t, channel(), hanna, `rapport ${from} ${to}`);
    const link = new URL(card.actions[0].url);
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
    const value = (metric: string) => Number(rows.find((r) => r.section === 'totals' && r.metric === metric)!.value);
    return { groupsActive: value('groupsActive'), sessionsHeld: value('sessionsHeld'), learningHours: value('learningHours') };
  };
  const day = async (who: typeof anna[]) => {
    await g.startSession();
    for (const m of who) await g.checkIn(m, 3);
    await g.end(who[0]);
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: hanna.aadObjectId }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
  });
  afterAll(() => t.stop());

  it('attack: the same period asked on two evenings does not give Thursday\'s head count (1)', async () => {
    await day([anna, bram, cem]);
    t.clock.advanceMinutes(24 * 60);
    await day([anna, bram, cem]);
    t.clock.advanceMinutes(24 * 60);
    await day([anna, bram, cem]);
    t.clock.set('2026-11-25T19:00:00Z'); // Wednesday evening
    const wednesday = await totals('2026-11-01', '2026-11-30');
    t.clock.set('2026-11-26T08:00:00Z');
    await day([anna]); // only Anna comes on Thursday
    t.clock.set('2026-11-26T19:00:00Z'); // Thursday evening
    const thursday = await totals('2026-11-01', '2026-11-30');
    const isolated = { sessions: thursday.sessionsHeld - wednesday.sessionsHeld, hours: thursday.learningHours - wednesday.learningHours };
    // One more session, with one more learning hour: exactly one person was there on Thursday.
    expect({ wednesday, thursday, isolated }).not.toMatchObject({ isolated: { sessions: 1, hours: 1 } });
  });
});
