import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * Found in review, stop 45. Teams' limits are per tenant, and so are the outbox's, yet the sender
 * read the due jobs of every tenant as one list (`TOP 200 ... ORDER BY notBefore`) and sent them
 * oldest first: while tenant B's poll had 200 or more cards queued earlier, tenant A's session
 * warning was not even read, and once read it waited behind the cards before it (294 of them here,
 * at B's 20/s). A full read is now followed by reads of the tenants it left out (a few at most),
 * and a tenant whose rate window is full is passed over while another's job may go: A's warning
 * leaves with B's first second of cards.
 */
describe('one tenant\'s fan-out and another tenant\'s message', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it('the other tenant\'s message goes out within its own rate, not after the fan-out', async () => {
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 20, conversationPerSecond: 7 }), logger, {
      owner: 'a',
      concurrency: 16,
      idleMs: 50,
    });
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const fanOut: OutboundMessage[] = Array.from({ length: 300 }, (_, i) => ({
      key: `poll-card-${i}`,
      tenantId: 'tenant-b',
      route,
      target: { kind: 'conversation', conversationId: `19:team-b-${i}@thread.tacv2` },
      payload: { text: `poll card ${i}` },
    }));
    await box.enqueue(fanOut);
    await box.enqueue([{ key: 'warning-a', tenantId: 'tenant-a', route, target: { kind: 'conversation', conversationId: '19:group-a@thread.v2' }, payload: { text: 'Nog 10 minuten' } }]);
    box.start();
    await waitUntil('tenant A\'s warning was sent', () => bed.connector.calls.some((c) => c.activity.text === 'Nog 10 minuten'), { timeoutMs: 60_000 });
    const before = bed.connector.calls.findIndex((c) => c.activity.text === 'Nog 10 minuten');
    // Tenant A's own window was empty: its message should leave with the first reads, not wait for B's backlog.
    expect({ tenantBCardsSentBeforeIt: before <= 40 ? 'at most 40' : before }).toEqual({ tenantBCardsSentBeforeIt: 'at most 40' });
  }, 90_000);
});
