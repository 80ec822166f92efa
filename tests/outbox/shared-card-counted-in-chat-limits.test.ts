import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { SharedCardUpdates } from '../../src/teams/shared-card-updates';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const CHAT = '19:group@thread.v2';
const card = (text: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

/**
 * Found in review, stop 67. The shared card's updates went to the same chat as the outbox's
 * messages without its limiter: a member's click in a chat Teams had just told to wait (429,
 * Retry-After) sent its update at once, one more 429, and neither its calls nor its 429s counted
 * for the outbox. Given the outbox's limiter, an update waits out the chat's pause, is counted in
 * the chat's windows, and a 429 it meets pauses the chat for the outbox too.
 */
describe("shared card updates and the outbox's limits of their chat", () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    jest.useRealTimers();
    await box?.stop();
    box = undefined;
  });

  it("do not reach Teams before the chat's Retry-After (met by the outbox) ran out", async () => {
    const client = new BotConnectorClient(async () => undefined, 5000);
    box = new Outbox(bed.cosmos, client, new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, { owner: 'a', concurrency: 4, idleMs: 50 });
    const cards = new SharedCardUpdates(client, logger, { limiter: box.limiter });
    box.start();
    const route = { serviceUrl: bed.connector.url, botId: '28:bot', tenantId: 'tenant-1' };
    const warning: OutboundMessage = { key: 'warning', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: CHAT }, payload: { text: 'nog tien minuten' } };
    let throttled = 0;
    let pausedWhenUpdateArrived: number | undefined;
    bed.connector.faults = [
      (req) => (req.body?.text === 'nog tien minuten' && throttled++ < 1 ? { status: 429, retryAfterSeconds: 3 } : undefined),
      (req) => {
        if (req.method === 'PUT' && pausedWhenUpdateArrived === undefined) pausedWhenUpdateArrived = box!.limiter.pausedFor(CHAT);
        return undefined;
      },
    ];
    await box.enqueue([warning]);
    await waitUntil('the warning was throttled and the chat paused', async () => (await box!.store.get(jobIdFor('warning')))?.result?.status === 429 && box!.limiter.pausedFor(CHAT) > 0);
    cards.push({ route, conversationId: CHAT, activityId: 'card-1' }, { now: () => card('stap 2') });
    await waitUntil('the update reached Teams', () => pausedWhenUpdateArrived !== undefined, { timeoutMs: 60_000 });
    await cards.idle();
    expect({ chatStillPausedForMs: pausedWhenUpdateArrived, updates: bed.connector.calls.filter((c) => c.method === 'PUT').length }).toEqual({ chatStillPausedForMs: 0, updates: 1 });
  }, 90_000);

  it("are counted in the chat's windows, and a 429 they meet pauses the chat for the outbox", async () => {
    jest.useFakeTimers();
    let now = 1_000_000;
    const clock = () => now;
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 200 }, clock);
    const answers = [{ ok: true as const }, { ok: false as const, status: 429, retryAfterMs: 20_000 }, { ok: true as const }];
    let calls = 0;
    const transport = { updateActivity: async () => answers[calls++] ?? { ok: true as const } };
    const cards = new SharedCardUpdates(transport, logger, { limiter, now: clock });
    const route = { serviceUrl: 'http://127.0.0.1:9', botId: 'bot', tenantId: 'tenant-1' };

    cards.push({ route, conversationId: CHAT, activityId: 'card-1' }, { now: () => card('stap 2') });
    await jest.advanceTimersByTimeAsync(0);
    // The update took one of the chat's seven calls in this second: the outbox gets six.
    let outboxCalls = 0;
    while (limiter.tryDepart('tenant-1', CHAT)) outboxCalls++;
    const counted = { updates: calls, outboxCallsLeft: outboxCalls };

    now += 60_000;
    cards.push({ route, conversationId: CHAT, activityId: 'card-2' }, { now: () => card('stap 3') });
    await jest.advanceTimersByTimeAsync(0);
    const afterThrottle = { updates: calls, chatPausedForMs: limiter.pausedFor(CHAT) };

    now += 20_000;
    await jest.advanceTimersByTimeAsync(20_000);
    await cards.idle();
    expect({ counted, afterThrottle, updates: calls }).toEqual({ counted: { updates: 1, outboxCallsLeft: 6 }, afterThrottle: { updates: 2, chatPausedForMs: 20_000 }, updates: 3 });
  });
});
