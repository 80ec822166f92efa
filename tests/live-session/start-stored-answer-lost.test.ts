import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * "an error card means nothing was stored".
 *
 * The opening's transactional batch is stored and its answer lost (dropAfter); the retries of
 * the batch then fail as a whole (503) until the retry budget is spent, so `open` throws. The
 * re-read in Opening.failed() succeeds and finds the session open with this press's `openedBy`
 * — the posted card IS the session's card — and returns without withdrawing it. But
 * createNextSession then rethrows the original error, and the presser gets an error card.
 *
 * The promise: when the re-read shows this press's own opening, the press is answered as opened
 * ("De sessie is geopend."), not with an error card.
 */
describe('the batch stored, its answer lost, its retries refused', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
  });
  afterAll(() => t.stop());

  it('does not show an error card for a session it stored with its card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-stored@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    let batches = 0;
    t.proxy!.faults = (r) => (r.kind === 'batch' && r.container === 'sessions' ? (batches++ === 0 ? { kind: 'dropAfter' } : { kind: 'status', status: 503 }) : undefined);
    const before = t.connector.calls.length;
    const answer = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    t.proxy!.faults = undefined;
    const stored = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session'" }, { partitionKey: g.groupId }).fetchAll()).resources;
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    expect(stored).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(stored[0].cardActivityId).toBe(posted[0]!.id);
    // The stored session has its live card; the presser must not be told it failed.
    expect(answer.type === 'application/vnd.microsoft.card.adaptive' ? cardText(answer.value) : answer.value).toBe('De sessie is geopend.');
  }, 60_000);
});
