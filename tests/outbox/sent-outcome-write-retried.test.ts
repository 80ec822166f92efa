import { jobIdFor } from '../../src/outbox/outbox-job';
import { proxiedOutboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

/**
 * Found in review, stop 45. Teams takes the card (200 with its message id), and the outbox's write
 * of `sent` meets a moment of 503s from Cosmos DB (three answers; the outbox store retries none of
 * its writes). The job stayed `sending` until its lease ran out and was then marked `unconfirmed`:
 * its `onSent` hook never ran, so the card's message id was lost, and a delivered message was
 * reported as not delivered. The sender, alive and knowing the outcome, must write it again until
 * it lands: the job ends `sent` with the message id, and its hook sees that id.
 */
describe('a sent message whose outcome write met a store hiccup', () => {
  const bed = proxiedOutboxBed();

  it('is recorded as sent with its id, and its onSent hook runs', async () => {
    const box = bed.start({
      owner: 'a',
      concurrency: 4,
      idleMs: 50,
      jobLeaseMs: 1500,
      recoveryIntervalMs: 200,
      backoffBaseMs: 100,
      backoffCapMs: 200,
    });
    const seen: (string | undefined)[] = [];
    box.onSent('test.recordCard', async (_args, { activityId }) => {
      seen.push(activityId);
    });
    const key = 'card:sent-outcome-write-fails';
    const id = jobIdFor(key);
    // Once Teams has the card, the job's next writes are refused three times (503).
    let refused = 0;
    bed.proxy.faults = (req) =>
      req.kind === 'replace' && req.container === 'outbox' && req.path.endsWith(`/docs/${id}`) && bed.connector.calls.length > 0 && refused < 3 ? (refused++, { kind: 'status', status: 503 }) : undefined;
    await box.enqueue([
      {
        key,
        tenantId: 'tenant-1',
        route: { serviceUrl: bed.connector.url, botId: '28:bot' },
        target: { kind: 'conversation', conversationId: '19:group@thread.v2' },
        payload: { text: 'De sessiekaart' },
        onSent: { kind: 'test.recordCard', args: {} },
      },
    ]);
    box.start();
    const job = async () => box!.store.get(id);
    await waitUntil('the job is finished (sent, or marked in doubt)', async () => ['sent', 'unconfirmed', 'failed'].includes((await job())?.status ?? ''), { timeoutMs: 30_000 });
    await waitUntil('nothing left to do for the job (its hook ran, or it has its TTL)', async () => (await job())?.ttl !== undefined, { timeoutMs: 30_000 });
    const posted = bed.connector.calls.filter((c) => c.method === 'POST');
    const done = (await job())!;
    expect({ refusedWrites: refused, posted: posted.length, status: done.status, activityId: done.result?.activityId, hookSaw: seen }).toEqual({
      refusedWrites: 3,
      posted: 1,
      status: 'sent',
      activityId: posted[0]?.id,
      hookSaw: [posted[0]?.id],
    });
  }, 60_000);
});
