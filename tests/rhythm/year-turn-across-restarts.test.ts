import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execute, message, TestUser, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { cardText, GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { decidedDayOne, runAt as runAppAt } from './support';

/**
 * A year's turn driven through the real app (held in review, stop 51). Two groups of four meet
 * in the Christmas week (21-24 Dec, held by hand), in ISO week 53 (28-31 Dec, opened by the
 * rhythm) and in January (4-7 Jan). The app is stopped and a new one started on the same
 * database twice: between the weeks, and on Tuesday 29 Dec between the reminder and the opening.
 * Anna writes and shares notes (one at 23:30 on 31 Dec); her manager Mia planned the
 * talentontwikkelgesprek on Tuesday 5 Jan with prep 3 days before (a Saturday). HR asks the
 * report for December, for January and for both.
 */
const [anna, bram, cem, dewi, eva, finn, gijs, hans] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hans'].map(user) as TestUser[] as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const mia = user('Mia');
const hanna = user('Hanna');
const STEP_A = 'Overdrachtstafel neerzetten';
const STEP_B = 'Whiteboard ophangen';

describe('a year turn through the app, across restarts', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let t: TestApp; // the running app, with the first app's connector (where the stored conversations point)
  let apps: TestApp[] = [];
  let env: Record<string, string>;
  let gA: GroupDriver;
  let gB: GroupDriver;
  const chatA = '19:year-a@thread.v2';
  const chatB = '19:year-b@thread.v2';
  const miaChat = () => first.conversation('personal', 'a:personal-mia');
  const annaChat = () => first.conversation('personal', 'a:personal-anna');

  // The app that runs now (restarts replace it).
  const runAt = (iso: string) => runAppAt(t, iso);
  const restart = async (iso: string) => {
    await t.app.stop();
    const next = await startTestApp(env, iso, { cosmos, sharedCardIntervalMs: 0 });
    apps.push(next);
    t = { ...next, connector: first.connector };
    for (const g of [gA, gB]) (g as { t: TestApp }).t = t;
  };
  const textsIn = (chat: string) => first.connector.calls.filter((c) => c.conversationId === chat && typeof c.activity.text === 'string');
  const sessionCards = (chat: string) => first.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat && c.activity.attachments?.[0]?.content?.refresh);
  const prepPosts = () => first.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Voorbereiding: talentontwikkelgesprek met Anna'));

  /** Picks up the session card the rhythm posted last in the group's chat. */
  const follow = (g: GroupDriver, chat: string) => {
    const posted = sessionCards(chat).at(-1)!;
    g.sessionMessageId = posted.id;
    g.sessionId = posted.activity.attachments[0].content.refresh.action.data.sessionId;
  };

  async function laterDay(g: GroupDriver, n: number) {
    await g.startSession(g.members[0], `${g.groupId}_w${n}`);
    for (const m of g.members) await g.checkIn(m, 3);
    await g.end(g.members[0]);
  }

  const weekTwoDayOne: Record<string, string> = {};
  const onDaysOff: string[] = [];
  const prepText: string[] = [];

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    env = { DIRECTORY_FILE: directory, HR_USER_IDS: hanna.aadObjectId };
    cosmos = await startTestCosmos();
    first = await startTestApp(env, '2026-12-17T12:00:00Z', { cosmos, sharedCardIntervalMs: 0 });
    apps = [first];
    t = first;
    gA = new GroupDriver(t, t.conversation('groupChat', chatA), [anna, bram, cem, dewi]);
    gB = new GroupDriver(t, t.conversation('groupChat', chatB), [eva, finn, gijs, hans]);
    await gA.setUp('nl', '3');
    await gB.setUp('nl', '3');
    t.connector.roster = [...gA.members, ...gB.members];
    // Mia plans Anna's talentontwikkelgesprek; Anna shares a note before Christmas.
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2027-01-05', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));

    // Week 1, the Christmas week, held by hand by both groups, day by day.
    for (let d = 0; d < 4; d++) {
      t.clock.set(`2026-12-2${1 + d}T08:00:00Z`);
      if (d === 0) {
        await decidedDayOne(gA, 1, STEP_A);
        await decidedDayOne(gB, 1, STEP_B);
      } else {
        await laterDay(gA, 1);
        await laterDay(gB, 1);
      }
    }
    await runAt('2026-12-24T10:00:00Z');
    for (const date of ['2026-12-25', '2026-12-26']) {
      const before = first.connector.calls.length;
      await runAt(`${date}T07:45:00Z`);
      await runAt(`${date}T08:00:00Z`);
      onDaysOff.push(...first.connector.calls.slice(before).filter((c) => c.conversationId === chatA || c.conversationId === chatB).map((c) => `${date}: ${c.activity.text ?? 'card'}`));
    }

    // A deploy between the weeks.
    await restart('2026-12-27T12:00:00Z');
    for (const date of ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']) {
      await runAt(`${date}T07:45:00Z`);
      // A deploy between Tuesday's reminder and its opening.
      if (date === '2026-12-29') await restart(`${date}T07:50:00Z`);
      await runAt(`${date}T08:00:00Z`);
      for (const [g, chat] of [[gA, chatA], [gB, chatB]] as const) {
        follow(g, chat);
        if (date === '2026-12-28') weekTwoDayOne[chat] = cardText((await g.press(g.members[1]!, 'session.refresh', g.ids())).value);
        for (const m of g.members.slice(0, 3)) await g.checkIn(m, 4);
      }
      await runAt(`${date}T08:50:00Z`);
      await runAt(`${date}T09:05:00Z`);
    }
    // 23:30 on New Year's Eve in Amsterdam: Anna writes a note and shares it.
    t.clock.set('2026-12-31T22:30:00Z');
    await t.send({ ...message(annaChat(), anna, 'notitie Oudejaarsavond: dit jaar veel geleerd'), timestamp: '2026-12-31T22:30:00.000Z' });
    const note = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources.find((n) => String(n.text).startsWith('Oudejaarsavond'));
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'shared', rev: 1 }, 'overview-card'));
    for (const date of ['2027-01-01', '2027-01-02', '2027-01-03']) {
      const before = first.connector.calls.length;
      await runAt(`${date}T07:45:00Z`);
      await runAt(`${date}T08:00:00Z`);
      onDaysOff.push(...first.connector.calls.slice(before).filter((c) => c.conversationId === chatA || c.conversationId === chatB).map((c) => `${date}: ${c.activity.text ?? 'card'}`));
    }
    for (const date of ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']) {
      await runAt(`${date}T07:45:00Z`);
      await runAt(`${date}T08:00:00Z`);
      for (const [g, chat] of [[gA, chatA], [gB, chatB]] as const) {
        follow(g, chat);
        for (const m of g.members.slice(0, 3)) await g.checkIn(m, 4);
      }
      await runAt(`${date}T09:05:00Z`);
    }
    await runAt('2027-01-20T10:00:00Z');
    for (const p of prepPosts()) prepText.push(cardText(first.connector.latest(p.id)));
  }, 240_000);
  afterAll(async () => {
    await t.app.stop();
    for (const a of apps.slice(1)) await a.connector.stop();
    await first.connector.stop();
    await cosmos.close();
  });

  it('the plan: the Christmas week, ISO week 53 (with 31 Dec) and the first week of January', async () => {
    const plan = (await t.store.container('sessions').item(`${gA.groupId}_plan`, gA.groupId).read()).resource;
    expect(plan.weeks.map((w: { dates: string[] }) => w.dates)).toEqual([
      ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24'],
      ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
      ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07'],
    ]);
  });

  it('across two restarts, every rhythm-run day got one reminder and one session card, and holidays none', () => {
    for (const chat of [chatA, chatB]) {
      const reminders = textsIn(chat).filter((c) => /^Over \d+ minuten begint sessie/.test(c.activity.text));
      expect(reminders.map((c) => c.activity.text)).toEqual([
        ...[1, 2, 3, 4].map((d) => `Over 15 minuten begint sessie ${d} van week 2 (om 09:00). Tot zo!`),
        ...[1, 2, 3, 4].map((d) => `Over 15 minuten begint sessie ${d} van week 3 (om 09:00). Tot zo!`),
      ]);
      // Week 1 by hand (4), weeks 2 and 3 by the rhythm (8): no card twice.
      const sessionIds = sessionCards(chat).map((c) => c.activity.attachments[0].content.refresh.action.data.sessionId as string);
      expect(new Set(sessionIds).size).toBe(12);
      expect(sessionIds.length).toBe(12);
    }
    expect(onDaysOff).toEqual([]);
  });

  it("week 2's first session looks back on the group's own first step, not the other group's", () => {
    expect(weekTwoDayOne[chatA]).toContain(STEP_A);
    expect(weekTwoDayOne[chatA]).not.toContain(STEP_B);
    expect(weekTwoDayOne[chatB]).toContain(STEP_B);
    expect(weekTwoDayOne[chatB]).not.toContain(STEP_A);
  });

  it("Mia gets one prep card for 5 Jan, on a working day, showing the note Anna shared on New Year's Eve", () => {
    expect(prepPosts()).toHaveLength(1);
    expect(prepText[0]).toContain('Oudejaarsavond');
  });

  type Totals = { groupsActive: number; sessionsHeld: number; learningHours: number; proposalsMade: number };
  async function totals(from: string, to: string): Promise<Totals> {
    const card = await reportCard(t, first.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, `rapport ${from} ${to}`);
    const link = new URL(card.actions[0].url);
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true, bom: true });
    const value = (metric: string) => Number(rows.find((r) => r.section === 'totals' && r.metric === metric)?.value);
    return { groupsActive: value('groupsActive'), sessionsHeld: value('sessionsHeld'), learningHours: value('learningHours'), proposalsMade: value('proposalsMade') };
  }

  it('HR: December holds weeks 1 and 2 (53 ends on 31 Dec), January week 3; together exactly the sum', async () => {
    const dec = await totals('2026-12-01', '2026-12-31');
    const jan = await totals('2027-01-01', '2027-01-31');
    const both = await totals('2026-12-01', '2027-01-31');
    expect({ dec, jan, both }).toEqual({
      dec: { groupsActive: 2, sessionsHeld: 16, learningHours: 2 * 16 + 2 * 12, proposalsMade: 2 },
      jan: { groupsActive: 2, sessionsHeld: 8, learningHours: 2 * 12, proposalsMade: 0 },
      both: { groupsActive: 2, sessionsHeld: 24, learningHours: 2 * 16 + 4 * 12, proposalsMade: 2 },
    });
  });
});
