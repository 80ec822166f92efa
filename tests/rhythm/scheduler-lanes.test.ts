import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { CosmosJobScheduler } from '../../src/scheduling/cosmos-job-scheduler';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';

/**
 * Due jobs of different groups do not wait for each other: one group's job that waits on a slow
 * Teams call (up to the outbox's 30 s) must not hold back another group's time box or reminder.
 * Jobs of one group still run one at a time, in the order they were due (a warning before its close).
 */
describe('the scheduler runs due jobs', () => {
  let cosmos: CosmosConnection;
  let clock: FakeClock;
  let scheduler: CosmosJobScheduler;
  const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

  beforeEach(async () => {
    cosmos = await startTestCosmos();
    clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    scheduler = new CosmosJobScheduler(cosmos, clock, logger);
  });
  afterEach(() => cosmos.close());

  /** A gate a handler waits at until the test opens it. */
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  it("another group's job while one group's job waits on Teams", async () => {
    const slow = gate();
    const ran: string[] = [];
    scheduler.on('test.slow', async () => {
      ran.push('slow started');
      await slow.opened;
      ran.push('slow done');
    });
    scheduler.on('test.quick', async (payload) => void ran.push(`quick ${String(payload.groupId)}`));
    await scheduler.schedule({ id: 'slow-a', kind: 'test.slow', dueAt: '2026-12-07T07:58:00Z', payload: { groupId: 'group-a' }, groupId: 'group-a' });
    await scheduler.schedule({ id: 'quick-b', kind: 'test.quick', dueAt: '2026-12-07T07:59:00Z', payload: { groupId: 'group-b' }, groupId: 'group-b' });

    const run = scheduler.runDue();
    try {
      await waitUntil("group b's job ran while group a's waits", () => ran.includes('quick group-b') && ran.includes('slow started'), {
        state: () => ran.join(', '),
      });
      // Which lane claims its job first is a race of two writes; what matters is that group b's job
      // ran while group a's still waits.
      expect([...ran].sort()).toEqual(['quick group-b', 'slow started']);
    } finally {
      slow.open();
      // A failed look must not leave the run going into the next test's database.
      await run.catch(() => 0);
    }
    expect(await run).toBe(2);
    expect(ran.at(-1)).toBe('slow done');
    expect([...ran].sort()).toEqual(['quick group-b', 'slow done', 'slow started']);
  });

  it("one group's jobs one at a time, in the order they were due", async () => {
    const first = gate();
    const ran: string[] = [];
    scheduler.on('test.warning', async () => {
      ran.push('warning started');
      await first.opened;
      ran.push('warning done');
    });
    scheduler.on('test.close', async () => void ran.push('close'));
    await scheduler.schedule({ id: 'close-a', kind: 'test.close', dueAt: '2026-12-07T07:59:00Z', payload: {}, groupId: 'group-a' });
    await scheduler.schedule({ id: 'warning-a', kind: 'test.warning', dueAt: '2026-12-07T07:58:00Z', payload: {}, groupId: 'group-a' });

    const run = scheduler.runDue();
    try {
      await waitUntil('the warning started', () => ran.includes('warning started'));
      // A job with the same group that is due later may not start while the earlier one runs.
      expect(ran).toEqual(['warning started']);
    } finally {
      first.open();
      await run.catch(() => 0);
    }
    expect(await run).toBe(2);
    expect(ran).toEqual(['warning started', 'warning done', 'close']);
  });
});
