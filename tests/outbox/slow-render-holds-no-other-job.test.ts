import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { TimedConnectorClient } from '../support/departure-log';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('info', new Writable({ write(_chunk, _e, cb) { cb(); } }));

/**
 * Found in review, stop 41. A job's payload can be built when it is sent (its render hook), inside
 * a worker of the sender's round; a render may be slow (it waited on Azure OpenAI for a prep card's
 * summary, up to a minute). The round's other workers stopped once nothing was left to read, and a
 * job queued meanwhile only kicked a run loop that was busy with that round: nothing read it until
 * the slow render ended, so every other message of the instance waited for it (here another
 * manager's prep card rebuild that takes a note back). A job queued while another job's render is
 * slow must go out without waiting for it; the slow one still goes out once, after.
 */
describe('a slow render of one job', () => {
  const bed = outboxBed();

  it('does not hold back a job queued while it renders, in another conversation', async () => {
    let renderStarted!: () => void;
    let releaseRender!: () => void;
    const started = new Promise<void>((r) => (renderStarted = r));
    const released = new Promise<void>((r) => (releaseRender = r));
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 500 });
    const box = new Outbox(bed.cosmos, new TimedConnectorClient([]), limiter, logger, { concurrency: 4, backoffBaseMs: 100, backoffCapMs: 1000 });
    box.onRender('slow', async () => {
      renderStarted();
      await released;
      return { payload: { text: 'de trage kaart' } };
    });
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const sentTexts = () => bed.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity.text as string);

    box.start();
    try {
      await box.enqueue([{ key: 'slow-1', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: 'a:chat-mia' }, payload: { text: 'placeholder' }, render: { kind: 'slow', args: {} } }]);
      await started;
      // Queued while the first job's render is still waiting.
      await box.enqueue([{ key: 'quick-1', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: 'a:chat-kees' }, payload: { text: 'de snelle kaart' } }]);
      await waitUntil('the job queued later went out while the slow render still waits', () => sentTexts().includes('de snelle kaart'), { timeoutMs: 15_000, state: () => JSON.stringify(sentTexts()) });
      expect(sentTexts()).toEqual(['de snelle kaart']);

      releaseRender();
      await waitUntil('the slow job went out once its render ended', () => sentTexts().includes('de trage kaart'), { state: () => JSON.stringify(sentTexts()) });
      await box.drain(30_000);
      expect(sentTexts()).toEqual(['de snelle kaart', 'de trage kaart']);
    } finally {
      releaseRender();
      await box.stop();
    }
  }, 60_000);
});
