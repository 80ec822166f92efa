import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { OutboxTransport, Route } from '../../src/outbox/transport';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

/**
 * Found in review, stop 47. A round's workers ran side by side, and when one of them threw (the
 * store could not be read for a moment), the round ended at once: the sender reported it failed
 * and, after its idle wait, started the next round's workers while the failed round's others were
 * still sending, more calls at once than the concurrency allows, taking from the same buffer. Now
 * a worker's error ends the round only once its other workers are done (they take nothing new),
 * and then the round is reported failed.
 */
describe('a worker error in a round', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it('the round is reported failed, and the next one starts, only after its other calls came back', async () => {
    const events: string[] = [];
    const logger = createLogger('error', new Writable({
      write(chunk, _e, cb) {
        if (String(chunk).includes('outbox round failed')) events.push('round failed');
        cb();
      },
    }));
    const inner = new BotConnectorClient(async () => undefined, 5000);
    const transport: OutboxTransport = {
      createPersonalConversation: (route: Route, tenantId: string, userId: string) => inner.createPersonalConversation(route, tenantId, userId),
      sendActivity: async (route: Route, conversationId: string, activity: Record<string, unknown>) => {
        const res = await inner.sendActivity(route, conversationId, activity);
        events.push(`back: ${String(activity.text)}`);
        return res;
      },
      updateActivity: (route: Route, conversationId: string, activityId: string, activity: Record<string, unknown>) => inner.updateActivity(route, conversationId, activityId, activity),
    };
    box = new Outbox(bed.cosmos, transport, new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, { concurrency: 2, idleMs: 20 });

    // The first message's call is held by Teams until the test lets it go.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    bed.connector.holds.push((req) => (req.body?.text === 'first' ? held : undefined));
    // The store cannot be read once: the second job's worker throws.
    const store = box.store;
    const read = store.personalConversationDoc.bind(store);
    let thrown = false;
    store.personalConversationDoc = async (tenantId, userId) => {
      if (!thrown && userId === '29:second') {
        thrown = true;
        // When the error has made its way up (only microtasks): the round as it then stands.
        setImmediate(() => letGo());
        throw new Error('the store could not be reached');
      }
      return read(tenantId, userId);
    };

    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const messages: OutboundMessage[] = [
      { key: 'first', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: '19:first@thread.v2' }, payload: { text: 'first' } },
      { key: 'second', tenantId: 'tenant-1', route, target: { kind: 'person', userId: '29:second' }, payload: { text: 'second' } },
      ...Array.from({ length: 4 }, (_, i): OutboundMessage => ({ key: `later-${i}`, tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: `19:later-${i}@thread.v2` }, payload: { text: `later ${i}` } })),
    ];
    await box.enqueue(messages);
    box.start();

    await waitUntil('every message was sent', async () => (await Promise.all(messages.map((m) => box!.store.get(jobIdFor(m.key))))).every((j) => j?.status === 'sent'), { state: () => events.join(', ') });
    expect(thrown).toBe(true);
    // The failed round's call still in flight came back before the round was reported failed.
    expect(events.slice(0, events.indexOf('round failed') + 1)).toEqual(['back: first', 'round failed']);
    expect(bed.connector.texts().sort()).toEqual(['first', 'later 0', 'later 1', 'later 2', 'later 3', 'second']);
  }, 30_000);
});
