import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { CosmosJobScheduler } from '../../src/scheduling/cosmos-job-scheduler';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';

/**
 * A job claimed by one instance holds a two-minute lease, so that another instance takes over the
 * job of one that crashed. The lease was never renewed: a job that ran longer than that (a weekly
 * handover waiting on Teams' rate limits) was taken over by a second instance while the first was
 * still at it, and ran twice. Left out in stop 37. The running instance now renews its lease.
 */
describe('a job that runs longer than its lease', () => {
  let cosmos: CosmosConnection;
  const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(() => cosmos.close());

  it('is not taken over by another instance while it runs', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const first = new CosmosJobScheduler(cosmos, clock, logger, { leaseRenewMs: 20 });
    const second = new CosmosJobScheduler(cosmos, clock, logger, { leaseRenewMs: 20 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    first.on('test.long', async () => {
      ran.push('first');
      await released;
    });
    second.on('test.long', async () => void ran.push('second'));
    await first.schedule({ id: 'long-handover', kind: 'test.long', dueAt: '2026-12-07T07:59:00Z', payload: {} });
    const lockedUntil = async () => (await cosmos.container('jobs').item('long-handover', 'long-handover').read()).resource?.lockedUntil as string;

    const running = first.runDue();
    try {
      await waitUntil('the first instance runs the job', () => ran.includes('first'));
      clock.advanceMinutes(3);
      await waitUntil('the first instance renewed its lease', async () => (await lockedUntil()) > clock.now().toISOString());
      expect(await second.runDue()).toBe(0);
    } finally {
      release();
    }
    await running;
    expect(ran).toEqual(['first']);
    expect((await cosmos.container('jobs').item('long-handover', 'long-handover').read()).resource?.status).toBe('done');
  });
});
