import { botAdded } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * A README left-out of stop 41. When the app is added back to a chat whose group it paused, the
 * install hook read the group five times (the check that a group exists, the roster check, its
 * pause moment, the resume's own read and the resumed group) besides the guarded write's read and
 * the greeting's: seven reads of one document. The hook's one read serves them all.
 * What must hold: the group goes on, and the turn reads it three times.
 */
describe('the app added back to a paused group\'s chat', () => {
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
  });
  afterAll(() => t.stop());
  const group = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;

  it('resumes the group, reading it three times: the install hook once, the guarded resume once, the greeting once', async () => {
    const removed = { ...botAdded(g.conv, MEMBERS[0]!), membersAdded: undefined, membersRemoved: [BOT] };
    expect((await t.send(removed)).status).toBe(200);
    expect((await group()).pausedAt).toBeDefined();

    // The proxy's fault rule sees every request's path; it fails none.
    const groupReads: string[] = [];
    t.proxy!.faults = (req) => void (req.kind === 'pointRead' && req.path.endsWith(`/docs/${g.groupId}`) && groupReads.push(req.path));
    expect((await t.send(botAdded(g.conv, MEMBERS[0]!))).status).toBe(200);
    t.proxy!.faults = undefined;
    expect((await group()).pausedAt).toBeUndefined();
    expect(groupReads).toHaveLength(3);
  });
});
