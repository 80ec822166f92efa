import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A guard (held when written, in review of stop 53): rhythm skip/move pressed by two members at the same moment,
 * on one instance and on two instances sharing one store.
 */
describe('rhythm skip and move pressed by two members at once', () => {
  let t: TestApp;
  let u: TestApp | undefined;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const plan = async () => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[]; skipped: string[] };
  const chatTexts = (app: TestApp, from: number) => app.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && c.method === 'POST' && typeof c.activity.text === 'string').map((c) => c.activity.text as string);

  afterEach(async () => {
    if (u) await u.stop();
    u = undefined;
    await t.stop();
  });

  it('Anna and Bram skip week 2 at once: week 2 shifts one week, the chat is told once, no 5xx', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await t.app.outbox.drain(30_000);
    const before = t.connector.calls.length;
    const skip = { groupId: g.groupId, week: 2, from: '2026-11-30' };
    const answers = await Promise.all([g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'act-a'), g.press(bram, 'rhythm.skip', skip, 'cycle-card', 'act-b'), g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'act-a')]);
    await t.app.outbox.drain(30_000);
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === undefined)).toBe(true);
    expect({ week2: (await plan()).weeks[1]!.dates[0], skipped: (await plan()).skipped.length, told: chatTexts(t, before).length }).toEqual({ week2: '2026-12-07', skipped: 1, told: 1 });
  });

  it('Anna skips week 2 while Bram moves it, at once: one of them changes the plan, the chat is told once', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await t.app.outbox.drain(30_000);
    const before = t.connector.calls.length;
    await Promise.all([
      g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card', 'act-skip'),
      g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-12-01' }, 'cycle-card', 'act-move'),
    ]);
    await t.app.outbox.drain(30_000);
    const p = await plan();
    const told = chatTexts(t, before);
    expect(told).toHaveLength(1);
    expect(['2026-12-07', '2026-12-01']).toContain(p.weeks[1]!.dates[0]);
  });

  it('two instances: Anna on one, Bram on the other, skip week 2 at once: once', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    u = await startTestApp({}, '2026-11-19T12:00:00Z', { cosmos: t.store });
    t.app.outbox.start();
    u.app.outbox.start();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    const h = new GroupDriver(u, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    h.groupId = g.groupId;
    await Promise.all([t.app.outbox.drain(30_000), u.app.outbox.drain(30_000)]);
    const before = t.connector.calls.length;
    const skip = { groupId: g.groupId, week: 2, from: '2026-11-30' };
    await Promise.all([g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'act-a'), h.press(bram, 'rhythm.skip', skip, 'cycle-card', 'act-b')]);
    await Promise.all([t.app.outbox.drain(30_000), u.app.outbox.drain(30_000)]);
    expect({ week2: (await plan()).weeks[1]!.dates[0], told: chatTexts(t, before).length + chatTexts(u, 0).length }).toEqual({ week2: '2026-12-07', told: 1 });
  }, 60_000);
});
