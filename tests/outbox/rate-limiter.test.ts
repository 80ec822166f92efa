import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';

/** The limiter on a hand-moved clock: pacing, and the departure that never waits. */
describe('the Teams rate limiter', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('lets a departure out at once, and refuses one over the limit without counting it', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 2, conversationPerSecond: 7, marginMs: 200 }, clock);
    expect(limiter.tryDepart('t')).toBe(true);
    expect(limiter.tryDepart('t')).toBe(true);
    expect(limiter.tryDepart('t')).toBe(false);
    now += 1199;
    expect(limiter.tryDepart('t')).toBe(false);
    now += 1; // the first departure left the 1.2 s window (one second plus the margin)
    expect(limiter.tryDepart('t')).toBe(true);
    expect(limiter.tryDepart('t')).toBe(true);
    expect(limiter.tryDepart('t')).toBe(false);
  });

  it('holds a conversation to its own limit and while it is paused', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 1, marginMs: 200 }, clock);
    expect(limiter.tryDepart('t', 'chat-a')).toBe(true);
    expect(limiter.tryDepart('t', 'chat-a')).toBe(false);
    expect(limiter.tryDepart('t', 'chat-b')).toBe(true);
    limiter.pauseConversation('chat-c', 5000);
    expect(limiter.tryDepart('t', 'chat-c')).toBe(false);
    now += 5000;
    expect(limiter.tryDepart('t', 'chat-c')).toBe(true);
  });

  it('does not wait out a paused conversation when asked not to, and counts nothing for it', async () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 1, conversationPerSecond: 7, marginMs: 200 }, clock);
    limiter.pauseConversation('chat-c', 20_000);
    expect(await limiter.acquire('t', 'chat-c', { unlessPaused: true })).toBeUndefined();
    // Nothing was counted for the tenant: its one request a second is still free.
    expect(limiter.tenantFull('t')).toBe(false);
  });

  it.each([
    ['leaves room', 50, true],
    ['leaves no room', 0, false],
  ])('pacing that %s to prepare a request: a request prepared within 50 ms may leave at once (%s)', async (_w, preparationMs, fits) => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 2, conversationPerSecond: 7, marginMs: 200, preparationMs }, clock);
    const start = now;
    await limiter.acquire('t');
    now = start + 10;
    await limiter.acquire('t');
    now = start + 20;
    expect(limiter.tryDepart('t')).toBe(true); // the second request, prepared in 10 ms
    now = start + 50;
    expect(limiter.tryDepart('t')).toBe(true); // the first one, prepared in 50 ms
    // The third is paced one window after the first (1.2 s, plus the allowance) and leaves at once.
    now = start + 1200 + preparationMs;
    await limiter.acquire('t');
    expect(limiter.tryDepart('t')).toBe(fits);
  });
});
