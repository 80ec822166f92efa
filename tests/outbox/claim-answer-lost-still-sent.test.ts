import { jobIdFor } from '../../src/outbox/outbox-job';
import { proxiedOutboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

/**
 * Found in review, stop 45. The outbox claims a job (pending -> sending, an ETag replace) right
 * before its HTTP call. Cosmos DB writes the claim, but its answer is lost on the way back (a
 * dropped connection). The sender took that for "another sender claimed it" (or an error), never
 * made the call, and the job ended `unconfirmed` once its lease ran out, although nothing had
 * reached Teams. The sender now reads the job again after a claim whose answer it lost: holding
 * its own claim, the job is its own, and the message must go out, once.
 */
describe('a claim whose answer was lost', () => {
  const bed = proxiedOutboxBed();

  it('the message still goes out (it never reached Teams), instead of ending in doubt', async () => {
    const box = bed.start({
      owner: 'a',
      concurrency: 4,
      idleMs: 50,
      jobLeaseMs: 1500,
      recoveryIntervalMs: 200,
    });
    const key = 'summary:claim-answer-lost';
    const id = jobIdFor(key);
    let dropped = 0;
    // The first replace of the job's document (its claim) is written, and its answer dropped.
    bed.proxy.faults = (req) => (req.kind === 'replace' && req.container === 'outbox' && req.path.endsWith(`/docs/${id}`) && dropped++ < 1 ? { kind: 'dropAfter' } : undefined);
    await box.enqueue([
      {
        key,
        tenantId: 'tenant-1',
        route: { serviceUrl: bed.connector.url, botId: '28:bot' },
        target: { kind: 'conversation', conversationId: '19:group@thread.v2' },
        payload: { text: 'Samenvatting van de sessie' },
      },
    ]);
    box.start();
    const status = async () => (await box!.store.get(id))?.status;
    await waitUntil('the job is finished (sent, or marked in doubt)', async () => ['sent', 'unconfirmed', 'failed'].includes((await status()) ?? ''), { timeoutMs: 30_000 });
    const posted = bed.connector.calls.filter((c) => c.method === 'POST' && c.activity.text === 'Samenvatting van de sessie').length;
    expect({ claimAnswerDropped: dropped > 0, status: await status(), posted }).toEqual({ claimAnswerDropped: true, status: 'sent', posted: 1 });
  }, 60_000);
});
