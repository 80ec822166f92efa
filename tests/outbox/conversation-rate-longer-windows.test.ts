import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';

/**
 * Found in review, stop 67. Teams limits a bot in one conversation to 7 requests a second, but
 * also to 8 in 2 s, 60 in 30 s and 1,800 in an hour; the limiter counted the second only, so a
 * backlog to one chat let 14 calls out in two seconds and ~175 in thirty, each one over a 429.
 * On a hand-moved clock (as rate-limiter.test.ts): a backlog tries a call every 10 ms.
 */
describe('the Teams rate limiter, one conversation, beyond one second', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  /** The moments (ms from the start) a call got out, trying every 10 ms for `spanMs`. */
  function backlog(limiter: TeamsRateLimiter, spanMs: number): number[] {
    const start = now;
    const departed: number[] = [];
    for (now = start; now < start + spanMs; now += 10) if (limiter.tryDepart('tenant-1', 'chat-g')) departed.push(now - start);
    return departed;
  }

  /** The most calls that left within any `windowMs`. */
  function mostWithin(departed: number[], windowMs: number): number {
    let most = 0;
    for (let i = 0, j = 0; i < departed.length; i++) {
      while (departed[i]! - departed[j]! >= windowMs) j++;
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  it('keeps to 7 a second, 8 in any 2 seconds and 60 in any 30 seconds', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 200 }, clock);
    const departed = backlog(limiter, 65_000);
    expect({ second: mostWithin(departed, 1000), twoSeconds: mostWithin(departed, 2000), thirtySeconds: mostWithin(departed, 30_000) }).toEqual({ second: 7, twoSeconds: 8, thirtySeconds: 60 });
  });

  it('keeps to 1,800 in an hour', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 200 }, clock);
    const departed = backlog(limiter, 2 * 3_600_000);
    expect(mostWithin(departed, 3_600_000)).toBe(1_800);
  });

  it('counts each conversation on its own: another chat is not held by a full one', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 200 }, clock);
    backlog(limiter, 2_000);
    expect(limiter.tryDepart('tenant-1', 'chat-g')).toBe(false);
    expect(limiter.tryDepart('tenant-1', 'chat-h')).toBe(true);
  });
});
