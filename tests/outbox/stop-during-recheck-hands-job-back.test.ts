import { jobIdFor } from '../../src/outbox/outbox-job';
import { waitUntil } from './wait-until';
import { outboxBed, outboxInstances, summaryMessage } from './outbox-bed';

/**
 * Found in review, stop 47. A stopping sender claims nothing new, so that no call is begun that
 * the process's exit (10 s into the shutdown, src/index.ts) could cut off, in doubt and never
 * resent. But a rendered job with a re-check (`stillValid`: a store read, which the Cosmos SDK may
 * retry for seconds under throttling) is claimed `rechecking` first, and when the re-check answered
 * after the stop began, it was sent anyway. Now a job whose re-check ends after the stop began is
 * handed back pending, unclaimed and no call begun (as recoverAbandoned treats a `rechecking` job),
 * and the next instance sends it.
 */
describe('an outbox stopping while a claimed job is being re-checked', () => {
  const bed = outboxBed();
  const outbox = outboxInstances(bed);

  it('begins no call after the stop began; the job stays pending, and the next instance sends it', async () => {
    const first = outbox();
    let recheckStarted = false;
    let answerRecheck!: () => void;
    const recheckAnswered = new Promise<void>((resolve) => (answerRecheck = resolve));
    first.onRender('summary', async () => ({
      payload: { text: 'samenvatting' },
      stillValid: async () => {
        recheckStarted = true;
        await recheckAnswered;
        return true;
      },
    }));
    const message = summaryMessage(bed);
    await first.queue(message);
    first.start();
    await waitUntil('the claimed job is being re-checked', () => recheckStarted);

    const stopped = first.stop();
    await waitUntil('the sender is stopping', () => first.sender.isStopping && !first.sender.isRunning);
    answerRecheck();
    await stopped;

    const job = await first.store.get(jobIdFor(message.key));
    expect({ calls: bed.connector.texts(), status: job?.status, owner: job?.owner, rechecking: job?.rechecking, attempts: job?.attempts }).toEqual({
      calls: [],
      status: 'pending',
      owner: undefined,
      rechecking: undefined,
      attempts: 0,
    });

    const next = outbox();
    next.onRender('summary', async () => ({ payload: { text: 'samenvatting' }, stillValid: async () => true }));
    next.start();
    await waitUntil('the next instance sent it', async () => (await next.statusOf(message.key)) === 'sent', { timeoutMs: 20_000 });
    expect(bed.connector.texts()).toEqual(['samenvatting']);
  }, 30_000);
});
