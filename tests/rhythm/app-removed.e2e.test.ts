import { botAdded } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * The app removed from a group's chat (uninstalled) cannot hold a session there: Teams refuses
 * its messages. The group rests: the rhythm opens no session, reminds no one and tries nothing
 * in the chat. When the app is added back the group goes on: the weeks that passed meanwhile are
 * planned again from then, and the next one starts by itself.
 */
describe('the rhythm of a group whose chat the app was removed from', () => {
  let t: TestApp;
  let g: GroupDriver;

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };
  /** A planned day: the reminder, the start, the warning, the close, and after. */
  const runDay = async (date: string) => {
    for (const time of ['07:45', '08:00', '08:50', '09:00', '09:05']) await at(`${date}T${time}:00Z`);
  };
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;
  const sessionsOf = async (week: number) =>
    (await t.store.container('sessions').items.query({ query: "SELECT c.id, c.status FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w${week}` }] }).fetchAll()).resources as { id: string; status: string }[];
  /** Every request the app made to the group's chat since request `from`, refused or not. */
  const triedInChat = (from: number) => t.connector.requests.slice(from).filter((r) => r.conversationKey === g.conv.id);
  const appRemoved = () => ({ ...botAdded(g.conv, MEMBERS[0]!), membersAdded: undefined, membersRemoved: [BOT] });
  let removedAt = 0;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { sharedCardIntervalMs: 0 });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    // Week 1 (Mon 23 - Thu 26 Nov, 09:00 Amsterdam) runs by itself; its last start schedules week 2.
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) await runDay(date);
    t.clock.set('2026-11-27T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('pauses the group when the app is removed from its chat, and keeps it as it is', async () => {
    const before = await stored(g.groupId);
    expect(before.pausedAt).toBeUndefined();
    expect((await t.send(appRemoved())).status).toBe(200);
    const after = await stored(g.groupId);
    expect(after.pausedAt).toBe('2026-11-27T10:00:00.000Z');
    expect(after.members).toEqual(before.members);
    // Teams delivers the same update again: nothing more is written.
    expect((await t.send(appRemoved())).status).toBe(200);
    expect((await stored(g.groupId))._etag).toBe(after._etag);
  });

  it('opens no session, reminds no one and tries nothing in the chat while the app is away', async () => {
    // Teams refuses the app's messages in a chat it was removed from.
    t.connector.faults.push((req) => (req.conversationId?.startsWith(g.conv.id) ? { status: 403, code: 'BotNotInConversationRoster' } : undefined));
    removedAt = t.connector.requests.length;
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) await runDay(date);
    // Before: week 2's four sessions were opened (and closed by the time box), each with a reminder and a card Teams refused.
    expect(await sessionsOf(2)).toEqual([]);
    expect(triedInChat(removedAt)).toEqual([]);
    expect((await stored(g.groupId)).cyclesStarted).toBe(1);
  });

  it('goes on when the app is added back: the missed week is planned again from then, and starts by itself', async () => {
    t.connector.faults.length = 0;
    t.clock.set('2026-12-05T10:00:00Z'); // Saturday
    expect((await t.send(botAdded(g.conv, MEMBERS[0]!))).status).toBe(200);
    await t.app.background.idle();
    expect((await stored(g.groupId)).pausedAt).toBeUndefined();
    const plan = await stored(`${g.groupId}_plan`);
    expect(plan.weeks[1]).toEqual({ week: 2, dates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'] });
    expect(plan.weeks).toHaveLength(20);

    const before = t.connector.calls.length;
    await at('2026-12-07T07:45:00Z');
    expect(t.connector.calls.slice(before).some((c) => c.conversationId === g.conv.id && /09:00/.test(String(c.activity.text ?? '')))).toBe(true);
    await at('2026-12-07T08:00:00Z');
    expect(await sessionsOf(2)).toEqual([{ id: `${g.groupId}_w2_s1`, status: 'open' }]);
  });
});

describe('a group whose chat the app was removed from and added back before its next week', () => {
  let t: TestApp;
  let g: GroupDriver;

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { sharedCardIntervalMs: 0 });
    g = new GroupDriver(t, t.conversation('groupChat', '19:back-soon@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp();
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) await at(`${date}T08:00:00Z`);
  });
  afterAll(() => t.stop());

  it('keeps the plan, and the week it had scheduled starts by itself', async () => {
    const plan = await stored(`${g.groupId}_plan`);
    t.clock.set('2026-11-27T10:00:00Z');
    await t.send({ ...botAdded(g.conv, MEMBERS[0]!), membersAdded: undefined, membersRemoved: [BOT] });
    expect((await stored(g.groupId)).pausedAt).toBeDefined();
    t.clock.set('2026-11-28T10:00:00Z');
    await t.send(botAdded(g.conv, MEMBERS[0]!));
    expect((await stored(g.groupId)).pausedAt).toBeUndefined();
    expect((await stored(`${g.groupId}_plan`)).weeks).toEqual(plan.weeks);
    await at('2026-11-30T08:00:00Z');
    expect((await stored(`${g.groupId}_w2_s1`))?.status).toBe('open');
  });
});
