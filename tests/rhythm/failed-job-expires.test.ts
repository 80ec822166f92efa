import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. A scheduled job that fails for good was stored as `failed` without a
 * `ttl`. The `jobs` container has TTL on with no default (-1), so such a job, payload and all,
 * stayed in the store for ever, while done and cancelled jobs expire after 7 days (README,
 * Storage). A job that keeps failing (its 30 attempts spent) must expire like a done one; and an
 * offer job whose payload has an older shape (no cycleId), which no retry can make readable,
 * fails at its first run instead of being retried for a day, and expires the same way; so do
 * the B3 poll's and the talent review's jobs.
 */
describe('a scheduled job that failed for good', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    t.app.scheduler.on('test.alwaysFails', async () => {
      throw new Error('the store said no');
    });
  }, 60_000);
  afterAll(() => t.stop());

  const read = async (id: string) => (await t.store.container('jobs').item(id, id).read()).resource as { status: string; attempts: number; ttl?: number; dueAt: string };
  /** Runs the job each time it is due again, until it failed for good (at most 40 runs). */
  const runUntilFailed = async (id: string) => {
    for (let i = 0; i < 40 && (await read(id)).status !== 'failed'; i++) {
      t.clock.set(new Date(new Date((await read(id)).dueAt).getTime() + 1000));
      await t.app.scheduler.runDue();
    }
    return read(id);
  };

  it('expires like a done job after its 30 attempts, instead of staying for ever', async () => {
    const id = 'test.alwaysFails:1';
    await t.app.scheduler.schedule({ id, kind: 'test.alwaysFails', dueAt: t.clock.now().toISOString(), payload: {} });
    const job = await runUntilFailed(id);
    expect({ status: job.status, attempts: job.attempts, ttl: job.ttl }).toEqual({ status: 'failed', attempts: 30, ttl: 7 * 24 * 3600 });
  });

  it('fails at its first run when its payload cannot be read, and expires', async () => {
    const id = 'profTraject.offer:old-shape';
    // An offer job as an older version might have stored it: no cycleId.
    await t.app.scheduler.schedule({ id, kind: 'profTraject.offer', dueAt: t.clock.now().toISOString(), payload: { groupId: 'group-of-old' } });
    const job = await runUntilFailed(id);
    expect({ status: job.status, attempts: job.attempts, ttl: job.ttl }).toEqual({ status: 'failed', attempts: 1, ttl: 7 * 24 * 3600 });
  });

  // The other features' jobs read their payloads the same way (a B3 reminder without its index, a
  // prep card without its review): no retry can make them readable either.
  it.each([
    ['pulse.reminder', { pollId: 'poll-of-old' }],
    ['review.prep', { managerId: 'aad-mia' }],
    ['review.prepRefresh', {}],
  ])('a %s job whose payload cannot be read fails at its first run too', async (kind, payload) => {
    const id = `${kind}:old-shape`;
    await t.app.scheduler.schedule({ id, kind, dueAt: t.clock.now().toISOString(), payload });
    const job = await runUntilFailed(id);
    expect({ status: job.status, attempts: job.attempts, ttl: job.ttl }).toEqual({ status: 'failed', attempts: 1, ttl: 7 * 24 * 3600 });
  });
});
