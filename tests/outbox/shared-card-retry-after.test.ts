import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { MAX_RETRY_AFTER_MS, SharedCardUpdates } from '../../src/teams/shared-card-updates';

/**
 * Found in review, stop 40. The shared card's lane (every session click's card update, the AI
 * draft, the time box) gets a 429 with Retry-After: 20 s. It must not call again before then (each
 * early call is one more 429 on an already throttled conversation, and after a few it gave the
 * update up): one call, then the retry once the 20 s have passed. A Retry-After past the lane's
 * bound gives the update up at once. Only fake timers here: nothing waits for real time.
 */
describe('a shared card update answered 429 with Retry-After', () => {
  afterEach(() => jest.useRealTimers());

  it('is not sent again before Teams said it may be (20 s)', async () => {
    jest.useFakeTimers();
    const calls: number[] = [];
    const start = Date.now();
    const transport = {
      updateActivity: async () => {
        calls.push(Date.now() - start);
        return calls.length === 1 ? { ok: false as const, status: 429, retryAfterMs: 20_000 } : { ok: true as const };
      },
    };
    const lanes = new SharedCardUpdates(transport, createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })), { minIntervalMs: 500 });
    const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'v1' }] };
    lanes.push({ route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' }, { now: () => card });
    await jest.advanceTimersByTimeAsync(19_000);
    const beforeRetryAfter = calls.length;
    await jest.advanceTimersByTimeAsync(2_000);
    await lanes.idle();
    // One call, then the retry once the 20 s have passed: two calls, the second at or after 20 s.
    expect({ callsWithin19s: beforeRetryAfter, calls: calls.length, retriedAtOrAfter20s: (calls[1] ?? 0) >= 20_000 }).toEqual({ callsWithin19s: 1, calls: 2, retriedAtOrAfter20s: true });
  });

  it('past the lane\'s bound, is given up at once rather than called again early', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const transport = {
      updateActivity: async () => {
        calls++;
        return { ok: false as const, status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 };
      },
    };
    const lanes = new SharedCardUpdates(transport, createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })), { minIntervalMs: 500 });
    const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'v1' }] };
    lanes.push({ route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' }, { now: () => card });
    await jest.advanceTimersByTimeAsync(5 * MAX_RETRY_AFTER_MS);
    await lanes.idle();
    expect(calls).toBe(1);
  });
});
