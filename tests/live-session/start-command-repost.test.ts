import { message } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The `start` command while the session is open.
 *
 * `start` (openNextSession with `repost`) posts the open session's card again at the bottom of the
 * chat and moves updates to the new copy. Unlike "Toon sessie" (repostOpenSession), it does not
 * turn the copy above into a pointer, and takes no claim: two members typing `start` together post
 * two copies.
 *
 * The promise (one live session card per session): after `start`, exactly one message in the chat
 * is a live session card (with its refresh/buttons); the one above points down to it. Two `start`
 * commands at once leave one live card, as two "Toon sessie" presses do.
 */
describe('"start" while the session is open', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function openSession() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:probe-repost-${round++}@thread.v2`), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  }
  /** Session-card messages of this conversation whose latest content is still a live session card. */
  const liveCards = (g: GroupDriver) => {
    const ids = [...new Set(t.connector.calls.filter((c) => c.conversationId === g.conv.id && c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh?.action?.data?.sessionId).map((c) => c.id))];
    return ids.filter((id) => !!t.connector.latest(id)?.refresh);
  };

  it('leaves one live card after "start": the copy above points to the new one', async () => {
    const g = await openSession();
    expect(liveCards(g)).toEqual([g.sessionMessageId]);
    await t.send(message(g.conv, MEMBERS[1]!, 'start'));
    const stored = (await t.cosmos.container('sessions').item(g.sessionId, g.groupId).read()).resource.cardActivityId;
    expect(stored).not.toBe(g.sessionMessageId);
    expect(liveCards(g)).toEqual([stored]);
  });

  it('leaves one live card when two members type "start" at the same moment', async () => {
    const g = await openSession();
    await Promise.all([t.send(message(g.conv, MEMBERS[1]!, 'start')), t.send(message(g.conv, MEMBERS[2]!, 'start'))]);
    expect(liveCards(g)).toHaveLength(1);
  });
});
