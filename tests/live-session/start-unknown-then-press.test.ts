import { GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

/**
 * After an "unknown" withdrawal, the next press on "Sessie starten".
 *
 * The opening's batch is stored but every answer is lost, and the re-read fails too: the press's
 * card is turned into the "not sure whether this session started" notice (no buttons) — yet the
 * stored session's cardActivityId is that very card. The next member presses "Sessie starten" on
 * the week card: openNextSession sees an open session with a cardActivityId and answers
 * "De sessie loopt al; de sessiekaart staat in de chat." — but the only card in the chat is the
 * notice. No card is posted; the group has no live card unless someone knows to type `start`.
 *
 * The promise: a press after such a withdrawal brings a live session card into the chat (as `start`
 * does), rather than pointing at a card that is a notice.
 */
describe('the session stored with a card that was withdrawn as "unknown"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  it('a later press on "Sessie starten" leaves the group a live card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-unknown@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    let batchFailed = false;
    t.proxy!.faults = (r) => {
      if (r.kind === 'batch' && r.container === 'sessions') return (batchFailed = true), { kind: 'dropAfter' };
      return batchFailed && r.kind === 'query' ? { kind: 'status', status: 503 } : undefined;
    };
    const before = t.connector.calls.length;
    await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    t.proxy!.faults = undefined;
    const stored = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session'" }, { partitionKey: g.groupId }).fetchAll()).resources;
    expect(stored).toHaveLength(1); // the batch went through
    expect(t.connector.latest(stored[0].cardActivityId)?.refresh).toBeUndefined(); // ...with the card that is now a notice

    t.clock.advanceMinutes(1);
    const answer = await g.press(MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    const cards = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh).map((c) => c.id);
    const live = cards.filter((id) => !!t.connector.latest(id)?.refresh);
    expect({ answer: answer.value, live: live.length }).toEqual({ answer: expect.anything(), live: 1 });
  }, 60_000);
});
