import { jobIdFor } from '../../src/outbox/outbox-job';
import { waitUntil } from './wait-until';
import { outboxBed, outboxInstances, summaryMessage } from './outbox-bed';

/**
 * Found in review, stop 47. On SIGTERM the app gives its shutdown 10 seconds before it exits
 * anyway (src/index.ts), and a call cut off by that exit is in doubt: never resent, though it may
 * have reached nobody. Yet a stopping sender went on with every job it had begun to prepare (a
 * render waiting on a model, a wait for the rate limiter or a takeover pause), and claimed and
 * sent it whenever that wait ended, however far into the shutdown. Now a job whose preparation
 * ends after the stop began is left pending, unclaimed, for the next instance: only calls already
 * under way when the stop began are waited for.
 */
describe('an outbox stopping while a job is being prepared', () => {
  const bed = outboxBed();
  const outbox = outboxInstances(bed);

  it('claims and sends nothing new after the stop began; the next instance sends it', async () => {
    const first = outbox();
    let renderStarted = false;
    let finishRender!: () => void;
    const rendered = new Promise<void>((resolve) => (finishRender = resolve));
    first.onRender('summary', async () => {
      renderStarted = true;
      await rendered;
      return { payload: { text: 'samenvatting' } };
    });
    const message = summaryMessage(bed);
    await first.queue(message);
    first.start();
    await waitUntil('the job is being rendered', () => renderStarted);

    const stopped = first.stop();
    await waitUntil('the sender is stopping', () => !first.sender.isRunning);
    finishRender();
    await stopped;

    expect({ calls: bed.connector.texts(), status: await first.statusOf(message.key) }).toEqual({ calls: [], status: 'pending' });
    expect((await first.store.get(jobIdFor(message.key)))?.owner).toBeUndefined();

    const next = outbox();
    next.onRender('summary', async () => ({ payload: { text: 'samenvatting' } }));
    next.start();
    await waitUntil('the next instance sent it', async () => (await next.statusOf(message.key)) === 'sent', { timeoutMs: 20_000 });
    expect(bed.connector.texts()).toEqual(['samenvatting']);
  }, 30_000);
});
