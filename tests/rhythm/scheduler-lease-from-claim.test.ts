import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { CosmosJobScheduler } from '../../src/scheduling/cosmos-job-scheduler';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';

/**
 * A job claimed after a long job of the same lane (same poll) got a lease counted from the moment
 * the scheduler's pass began, not from its claim: it had run out when the job started, and another
 * instance took the job over at once (before the first renewal), so it ran twice. Found in review
 * of stop 38's lease renewal.
 */
describe('a job claimed late in its lane', () => {
  let cosmos: CosmosConnection;
  const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(() => cosmos.close());

  it('holds a lease from its own claim, so another instance does not run it a second time', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    // Renewal beats as in production (30 s): far longer than this test takes to look.
    const first = new CosmosJobScheduler(cosmos, clock, logger, { leaseRenewMs: 30_000 });
    const second = new CosmosJobScheduler(cosmos, clock, logger, { leaseRenewMs: 30_000 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    // The first job of the lane waits three minutes on Teams' rate limits.
    first.on('test.slow', async () => {
      ran.push('slow');
      clock.advanceMinutes(3);
    });
    first.on('test.next', async () => {
      ran.push('first:next');
      await released;
    });
    second.on('test.slow', async () => void ran.push('second:slow'));
    second.on('test.next', async () => void ran.push('second:next'));
    await first.schedule({ id: 'lane-slow', kind: 'test.slow', dueAt: '2026-12-07T07:58:00Z', payload: { pollId: 'poll-lane' } });
    await first.schedule({ id: 'lane-next', kind: 'test.next', dueAt: '2026-12-07T07:59:00Z', payload: { pollId: 'poll-lane' } });

    const running = first.runDue();
    let takenOver: number;
    try {
      await waitUntil('the first instance runs the second job of the lane', () => ran.includes('first:next'));
      takenOver = await second.runDue();
    } finally {
      release();
    }
    await running;
    expect({ takenOver, ran }).toEqual({ takenOver: 0, ran: ['slow', 'first:next'] });
  });
});
