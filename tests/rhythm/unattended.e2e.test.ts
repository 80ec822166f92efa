import { user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const hanna = user('Hanna'); // HR/L&O
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const WEEK_1 = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];

/**
 * The rhythm opens every planned session by itself and the time box closes it, whether anyone
 * came or not (holiday, sick leave). The board report counts what happened: a session is held
 * when someone was there (checked in or "ik ben erbij"), a proposal is made when the group made
 * something of it (an AI draft, its own text at the proposal question, a decision).
 */
describe('a planned week in the HR report', () => {
  let t: TestApp;
  let quiet: GroupDriver;
  let busy: GroupDriver;

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };
  /** Points the driver at the session card the rhythm posted in its chat since call `from`. */
  const follow = (g: GroupDriver, from: number) => {
    const posted = t.connector.calls.slice(from).find((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity.attachments?.[0]?.content?.refresh);
    if (!posted) throw new Error('the rhythm posted no session card');
    g.sessionMessageId = posted.id;
    g.sessionId = posted.activity.attachments[0].content.refresh.action.data.sessionId;
  };
  const sessions = async (g: GroupDriver) =>
    (await t.store.container('sessions').items.query({ query: "SELECT c.id, c.status FROM c WHERE c.type = 'session' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources as { id: string; status: string }[];
  const reportFacts = async () => {
    const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30');
    return Object.fromEntries(card.body.find((e: { type: string }) => e.type === 'FactSet').facts.map((f: { title: string; value: string }) => [f.title, f.value]));
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-19T12:00:00Z', { sharedCardIntervalMs: 0 });
    quiet = new GroupDriver(t, t.conversation('groupChat', '19:quiet@thread.v2'), MEMBERS.slice(0, 4));
    busy = new GroupDriver(t, t.conversation('groupChat', '19:busy@thread.v2'), MEMBERS.slice(0, 4));
    await quiet.setUp();
    await busy.setUp();
    // Week 1 runs Mon 23 - Thu 26 Nov at 09:00 Amsterdam (08:00 UTC) in both chats. Nobody comes
    // to the quiet group's sessions. In the busy group Bram, Cem and Dewi are there on day 1 (a
    // week counts for HR from 3 people), and on day 3 Anna checks in and writes the group's own
    // proposal (AI is off).
    for (const [day, date] of WEEK_1.entries()) {
      await at(`${date}T07:45:00Z`);
      const before = t.connector.calls.length;
      await at(`${date}T08:00:00Z`);
      if (day === 0) {
        follow(busy, before);
        for (const who of [bram, cem, dewi]) await busy.press(who, 'session.present', busy.ids());
      }
      if (day === 2) {
        follow(busy, before);
        await busy.checkIn(anna, 4);
        await busy.contribute(anna, 6, 'Elke dienst begint met tien minuten overdracht.');
      }
      for (const time of ['08:50', '09:00', '09:05']) await at(`${date}T${time}:00Z`);
    }
    // HR reads the week once it is over (a week still running is in no figure).
    t.clock.set('2026-11-30T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('lets the rhythm open and close every planned session, attended or not', async () => {
    expect((await sessions(quiet)).map((s) => s.status)).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect((await sessions(busy)).map((s) => s.status)).toEqual(['closed', 'closed', 'closed', 'closed']);
  });

  it('counts as held only the sessions someone attended, and as made only the proposal the group wrote', async () => {
    // Before: "Actieve groepen" 2, "Gehouden sessies" 8, "Voorstellen gemaakt" 2 (the quiet group's empty record too).
    // Day 3, Anna alone, is in no figure either: a session fewer than 3 came to would say who was there.
    expect(await reportFacts()).toMatchObject({ 'Actieve groepen': '1', 'Gehouden sessies': '1', Leeruren: '3', 'Voorstellen gemaakt': '1' });
  });
});
