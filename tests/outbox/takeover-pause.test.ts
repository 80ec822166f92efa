import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { stableId } from '../../src/domain/shared/ids';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TenantLeaseDoc } from '../../src/outbox/outbox-job';
import { SenderOptions } from '../../src/outbox/outbox-sender';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { TAKEOVER_PAUSE_MS } from '../../src/outbox/takeover-pause';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { Departure, departuresOverLimit, TimedConnectorClient } from '../support/departure-log';
import { RecordingConnector } from '../support/recording-connector';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const TENANT = 'tenant-1';
const CHAT = '19:group-chat@thread.v2';

function outbox(cosmos: CosmosConnection, limits = { tenant: 50, conversation: 7 }, options: Partial<SenderOptions> = {}, departures: Departure[] = []): Outbox {
  // A wider margin than the app's 200 ms: the connector stamps arrivals on the test's own event
  // loop, which a busy machine stalls (see outbox.test.ts).
  const limiter = new TeamsRateLimiter({ tenantPerSecond: limits.tenant, conversationPerSecond: limits.conversation, marginMs: 500 });
  return new Outbox(cosmos, new TimedConnectorClient(departures), limiter, logger, { concurrency: 8, ...options });
}

function post(connector: RecordingConnector, key: string, conversationId = CHAT): OutboundMessage {
  return { key, tenantId: TENANT, route: { serviceUrl: connector.url, botId: '28:bot' }, target: { kind: 'conversation', conversationId }, payload: { text: key } };
}

/** What the session presenter sends when the AI proposal is ready: the shared card, updated in place. */
function cardUpdate(connector: RecordingConnector, key: string, activityId: string): OutboundMessage {
  return { key, tenantId: TENANT, route: { serviceUrl: connector.url, botId: '28:bot' }, target: { kind: 'update', conversationId: CHAT, activityId }, payload: { text: 'AI-voorstel' } };
}

async function leaseOf(cosmos: CosmosConnection): Promise<TenantLeaseDoc | undefined> {
  const id = stableId('ol', TENANT);
  const { resource } = await cosmos.container('outbox').item(id, id).read<TenantLeaseDoc>();
  return resource ?? undefined;
}

/** Waits (bounded) until nobody's lease on the tenant is live, and its last window has passed too. */
async function leaseLapsed(cosmos: CosmosConnection): Promise<void> {
  let seen = '';
  await waitUntil('the tenant lease ran out, one window ago', async () => {
    const lease = await leaseOf(cosmos);
    seen = lease ? `expires ${lease.expiresAt}` : 'no lease';
    return Boolean(lease) && new Date(lease!.expiresAt).getTime() + TAKEOVER_PAUSE_MS < Date.now();
  }, { everyMs: 50, state: () => seen });
}

/** The AI proposal card and other updates that answer a user's action are not held by the outbox's warm-up. */
describe('the takeover pause', () => {
  const bed = outboxBed();

  it('does not hold an update after an idle period in which this sender\'s own lease ran out', async () => {
    const box = outbox(bed.cosmos, undefined, { tenantLeaseMs: 300 });
    const posted = await box.deliver(post(bed.connector, 'session-card'));
    expect(posted.status).toBe('sent');
    await leaseLapsed(bed.cosmos);

    const updated = await box.deliver(cardUpdate(bed.connector, 'ai-proposal', posted.activityId!));
    expect(updated.status).toBe('sent');
    expect(bed.connector.calls.filter((c) => c.method === 'PUT').map((c) => c.activityId)).toEqual([posted.activityId]);
    // Nobody sent for this tenant in the last window: there was nothing to wait out.
    expect(box.sender.takeover.waits).toBe(0);
  });

  it('does not hold an update when another instance\'s lease ran out long ago', async () => {
    const other = outbox(bed.cosmos, undefined, { tenantLeaseMs: 300 });
    const posted = await other.deliver(post(bed.connector, 'session-card'));
    await leaseLapsed(bed.cosmos);

    const box = outbox(bed.cosmos);
    const updated = await box.deliver(cardUpdate(bed.connector, 'ai-proposal', posted.activityId!));
    expect(updated.status).toBe('sent');
    expect(box.sender.takeover.waits).toBe(0);
  });

  it('still waits out the last window of a sender that handed the tenant over just now', async () => {
    // A low limit, enforced by the connector as Teams would: a takeover without a pause goes over it.
    bed.connector.limits = { perAppPerSecond: 10, perConversationPerSecond: 7 };
    const limits = { tenant: 10, conversation: 7 };
    const departures: Departure[] = [];
    const first = outbox(bed.cosmos, limits, {}, departures);
    const messages = Array.from({ length: 40 }, (_, i) => post(bed.connector, `m-${i}`, `19:chat-${i}@thread.v2`));
    await first.enqueue(messages);
    first.start();
    await waitUntil('the first sender delivered 15 messages', () => bed.connector.calls.length >= 15, { state: () => `${bed.connector.calls.length} delivered` });
    await first.stop();
    const byFirst = departures.length;

    const second = outbox(bed.cosmos, limits, {}, departures);
    await second.drain(30_000);
    expect(new Set(bed.connector.calls.map((c) => c.activity.text)).size).toBe(40);
    // Both senders' calls, as they left: the second waited out the first's last window. Checked on
    // the departures, not on whether the second had to pause (takeover.waits): a busy machine that
    // took over 1.2 s from the stop to the second's first send needed no pause (stop 52).
    expect(departuresOverLimit(departures, { perTenant: 10, perConversation: 7 })).toEqual([]);
    expect(departures[byFirst]!.at - departures[byFirst - 1]!.at).toBeGreaterThanOrEqual(1000);
  });
});
