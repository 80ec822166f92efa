import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * Found in review, stop 45. The order fix of stop 38 (update-order-after-retry.test.ts) remembered
 * one held retry per conversation. When a second message of the same chat was refused too (another
 * message sent in a turn, which may go out while the first waits), its hold replaced the first
 * one's. A newer update of the first card, sent in the next turn, then no longer waited behind the
 * older update's retry: it went out at once, and the older card landed over it. Each held message
 * now keeps its own hold: the older update goes first, and the members see the newer card.
 */
describe('card updates keep their order when two messages of the chat wait for a retry', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it('a newer update of card-1 does not overtake its older update held for a retry', async () => {
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      owner: 'a',
      concurrency: 4,
      backoffBaseMs: 8000,
      backoffCapMs: 8000,
      idleMs: 50,
    });
    box.start();
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const update = (key: string, version: string): OutboundMessage => ({ key, tenantId: 'tenant-1', route, target: { kind: 'update', conversationId: '19:group@thread.v2', activityId: 'card-1' }, payload: { text: version } });
    const other: OutboundMessage = { key: 'other', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: '19:group@thread.v2' }, payload: { text: 'another message' } };
    let refusedV1 = 0;
    let refusedOther = 0;
    bed.connector.faults = [
      (req) => (req.body?.text === 'v1' && refusedV1++ < 1 ? { status: 503 } : undefined),
      (req) => (req.body?.text === 'another message' && refusedOther++ < 1 ? { status: 503 } : undefined),
    ];
    await box.enqueue([update('u1', 'v1')]);
    await waitUntil('v1 was refused once and waits for its retry', async () => (await box!.store.get(jobIdFor('u1')))?.result?.status === 503);
    // Another message of the chat, sent in a turn, is refused too and waits for its own retry.
    await box.deliver(other, 300);
    await waitUntil('the other message was refused once', async () => (await box!.store.get(jobIdFor('other')))?.result?.status === 503);
    // The next turn updates card-1 again.
    await box.deliver(update('u2', 'v2'), 20_000);
    await waitUntil('v1 and v2 were both sent', async () => (await box!.store.get(jobIdFor('u1')))?.status === 'sent' && (await box!.store.get(jobIdFor('u2')))?.status === 'sent', { timeoutMs: 40_000 });
    const puts = bed.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === 'card-1').map((c) => c.activity.text as string);
    // What the members see is the last PUT: it must be the newer card (v1's refused attempt is not recorded).
    expect({ puts, shown: puts[puts.length - 1] }).toEqual({ puts: ['v1', 'v2'], shown: 'v2' });
  }, 60_000);
});
