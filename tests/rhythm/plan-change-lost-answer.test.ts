import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CosmosFaultRule } from '../support/cosmos-proxy';

/** Fails the first replace of the plan document after it reached the store (the answer is lost). */
function dropFirstPlanReplace(): CosmosFaultRule {
  let done = false;
  return (req) => {
    if (!done && req.kind === 'replace' && req.path.endsWith('_plan')) {
      done = true;
      return { kind: 'dropAfter' };
    }
    return undefined;
  };
}

/**
 * A skip or move whose plan write was stored but whose answer was lost (a dropped connection):
 * the store's retry finds the change already made. The press still knows the change was its own
 * (its key is written with it), so the new week's jobs are made, the old ones go, and the chat
 * hears of it once. Before, the retry reported "not changed" and the week never started by itself.
 */
describe('a rhythm skip or move whose plan write lost its answer', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const chatTexts = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const pendingStarts = async () =>
    ((await t.store.container('jobs').items.query({ query: 'SELECT * FROM c WHERE c.payload.groupId = @g', parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources as { kind: string; status: string; dueAt: string }[])
      .filter((j) => j.kind === 'session.start' && j.status === 'pending')
      .map((j) => j.dueAt.slice(0, 10))
      .sort();

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterEach(() => t.stop());

  it('a skip still schedules the new week (and only it) and tells the chat once', async () => {
    t.proxy!.faults = dropFirstPlanReplace();
    const before = t.connector.calls.length;
    const res = await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 1, from: '2026-11-23' }, 'cycle-card');
    t.proxy!.faults = undefined;
    expect(cardText(res.value)).toContain('ma 30 nov');
    // The stored plan says week 1 is 30 nov - 3 dec: its sessions start by themselves, the 23rd's do not.
    expect(await pendingStarts()).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    await t.app.outbox.drain(30_000);
    expect(chatTexts(before)).toHaveLength(1);
  });

  it('a move still schedules the moved week (and only it) and tells the chat once', async () => {
    t.proxy!.faults = dropFirstPlanReplace();
    const before = t.connector.calls.length;
    const res = await g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 1, from: '2026-11-23', start: '2026-11-24' }, 'cycle-card');
    t.proxy!.faults = undefined;
    expect(cardText(res.value)).toContain('di 24 nov');
    expect(await pendingStarts()).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    await t.app.outbox.drain(30_000);
    expect(chatTexts(before)).toHaveLength(1);
  });

  it('a second press of the same skip after it was done says nothing more', async () => {
    await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 1, from: '2026-11-23' }, 'cycle-card');
    const before = t.connector.calls.length;
    const res = await g.press(bram, 'rhythm.skip', { groupId: g.groupId, week: 1, from: '2026-11-23' }, 'cycle-card');
    expect(cardText(res.value)).toContain('ma 30 nov');
    expect(chatTexts(before)).toHaveLength(0);
    expect(await pendingStarts()).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
