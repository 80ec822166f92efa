import { parse } from 'csv-parse/sync';
import { membersRemoved, TestUser, user } from '../support/activities';
import { startTestCosmos, storedText } from '../support/cosmos';
import { cardText, GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { fullDump } from './support/database-dump';
import { runAt as runAppAt } from '../rhythm/support';

/**
 * A leaver in December and an erasure in January, through the app (held in review, stop 51).
 * Group of four, three planned weeks: 21-24 Dec (all four), 28-31 Dec (Bram left on 26 Dec),
 * 4-7 Jan (the last planned week). The app restarts on 10 Jan; Dewi erases her data on 12 Jan.
 * HR reads December on 11 Jan and again on 13 Jan: the two readings must not differ in
 * anything that tells what Dewi did (sessions, hours); the last week's look-back goes to the
 * members only (not to Bram, who left); after the erasure nothing in the store names Dewi.
 */
const [anna, bram, cem, dewi] = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
const hanna = user('Hanna');

describe('a leaver in December, an erasure in January', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let second: TestApp | undefined;
  let t: TestApp;
  let g: GroupDriver;
  const env = { HR_USER_IDS: hanna.aadObjectId };
  const readings: Record<string, Record<string, string>[]> = {};

  // The app that runs now (restarts replace it).
  const runAt = (iso: string) => runAppAt(t, iso);
  async function week(n: number, monday: string, present: TestUser[]) {
    const cycleId = `${g.groupId}_w${n}`;
    for (let d = 0; d < 4; d++) {
      t.clock.set(new Date(Date.parse(monday) + d * 86_400_000).toISOString());
      if (d === 0) {
        await g.startCycle(n);
        await g.press(present[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
      }
      await g.startSession(present[0], cycleId);
      for (const m of present) await g.checkIn(m, 4);
      if (d === 0) {
        for (const [i, text] of ['Overdracht', 'Info', 'Tijd', 'Traag', 'Momenten', 'Tafel'].entries()) {
          await g.goTo(present[0]!, i);
          await g.contribute(present[i % present.length]!, i + 1, `${text} ${n}`);
        }
        await g.goTo(present[0]!, 6);
        for (const who of present.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
        await g.press(present.at(-1)!, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: `Stap ${n}` });
      }
      if (d === 1) await g.contribute(present[1]!, 8, `Minder stress ${n}`);
      if (d === 2) await g.contribute(present[1]!, 9, `Geleerd ${n}`);
      if (d === 3) await g.contribute(present[1]!, 10, `Verder ${n}`);
      await g.end(present[0]);
    }
  }
  const csv = async (from: string, to: string) => {
    const card = await reportCard(t, first.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, `rapport ${from} ${to}`);
    const link = new URL(card.actions[0].url);
    return parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true, bom: true }) as Record<string, string>[];
  };
  const lookBackInvited = () =>
    [...first.connector.personalChats.entries()]
      .filter(([, conv]) => first.connector.calls.some((c) => c.method === 'POST' && c.conversationId === conv && /Terugblik|terugblik/.test(cardText(c.activity.attachments?.[0]?.content))))
      .map(([member]) => member)
      .sort();

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp(env, '2026-12-17T12:00:00Z', { cosmos });
    t = first;
    g = new GroupDriver(t, t.conversation('groupChat', '19:year-leaver@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('nl', '3');
    await week(1, '2026-12-21T08:00:00Z', [anna, bram, cem, dewi]);
    await runAt('2026-12-24T12:00:00Z');
    // Bram leaves the chat on Boxing Day.
    t.clock.set('2026-12-26T10:00:00Z');
    t.connector.roster = [anna, cem, dewi];
    await t.send(membersRemoved(g.conv, anna, [{ id: bram.id, aadObjectId: bram.aadObjectId }]));
    await week(2, '2026-12-28T08:00:00Z', [anna, cem, dewi]);
    await runAt('2026-12-31T12:00:00Z');
    await week(3, '2027-01-04T08:00:00Z', [anna, cem, dewi]);
    for (const at of ['2027-01-07T12:00:00Z', '2027-01-08T12:00:00Z', '2027-01-09T12:00:00Z']) await runAt(at);
    // A deploy.
    await t.app.stop();
    second = await startTestApp(env, '2027-01-10T12:00:00Z', { cosmos });
    t = { ...second, connector: first.connector };
    g = Object.assign(g, { t });
    await runAt('2027-01-11T09:00:00Z');
    readings.before = await csv('2026-12-01', '2026-12-31');
    readings.janBefore = await csv('2027-01-01', '2027-01-31');
    // Dewi erases her data.
    t.clock.set('2027-01-12T09:00:00Z');
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: dewi.aadObjectId }) });
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
    expect(res.status).toBe(200);
    await runAt('2027-01-12T10:00:00Z');
    await runAt('2027-01-13T09:00:00Z');
    readings.after = await csv('2026-12-01', '2026-12-31');
    readings.janAfter = await csv('2027-01-01', '2027-01-31');
  }, 240_000);
  afterAll(async () => {
    await t.app.stop();
    await second?.connector.stop();
    await first.connector.stop();
    await cosmos.close();
  });

  const totals = (rows: Record<string, string>[]) => Object.fromEntries(rows.filter((r) => r.section === 'totals').map((r) => [r.metric, r.value]));

  it('December and January as HR read them before the erasure: whole weeks, the leaver still counted where he was', () => {
    expect({ dec: totals(readings.before!), jan: totals(readings.janBefore!) }).toMatchObject({
      dec: { groupsActive: '1', sessionsHeld: '8', learningHours: '28' },
      jan: { groupsActive: '1', sessionsHeld: '4', learningHours: '12' },
    });
  });

  it("Dewi's erasure changes no session or hour figure of a period already read", () => {
    expect({ dec: totals(readings.after!), jan: totals(readings.janAfter!) }).toEqual({ dec: totals(readings.before!), jan: totals(readings.janBefore!) });
  });

  it('the last planned week\'s look-back went to the members then (Anna, Cem, Dewi), not to Bram who left', () => {
    expect(lookBackInvited()).toEqual([anna.id, cem.id, dewi.id].sort());
  });

  it('after the erasure, nothing in the store names Dewi', async () => {
    const text = storedText((await fullDump(cosmos)).map((d) => d.doc));
    expect({ aad: text.includes(dewi.aadObjectId), teams: text.includes(dewi.id) }).toEqual({ aad: false, teams: false });
  });
});
