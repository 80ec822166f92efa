import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';
import { instanceScheduler, storedJob } from './scheduler-bed';

/**
 * Found in review, stop 61 (fixed then: a run's failure or "later" is written only while the job is
 * still its claim; its `done` only over a running job, whoever's).
 * Two instances on one store: a job whose lease lapsed on instance A (its renewals did not get
 * through for two minutes: the store throttling A, A frozen during a slot swap) is taken over by B.
 * A run that lost its claim must not put the job back to run again: a failure of A's after B
 * finished it, or B's failure after A's run did the work.
 */
describe('an instance whose lease lapsed finishes after the other took the job over', () => {
  let cosmos: CosmosConnection;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(() => cosmos.close());

  it('a job the other instance finished is not run again by the lapsed run\'s failure', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    const b = instanceScheduler(cosmos, clock);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    a.on('probe.notice', async () => {
      ran.push('a');
      // A stalls past its lease (no renewal got through), then its send fails.
      clock.advanceMinutes(3);
      await released;
      throw new Error('Teams answered 503');
    });
    b.on('probe.notice', async () => void ran.push('b'));
    await a.schedule({ id: 'probe61-notice', kind: 'probe.notice', dueAt: '2026-12-07T07:59:00Z', payload: {} });

    const running = a.runDue();
    await waitUntil('A runs the job', () => ran.includes('a'));
    const takenOver = await b.runDue();
    release();
    await running;
    clock.advanceMinutes(5);
    const again = await b.runDue();
    const job = (await storedJob(cosmos, 'probe61-notice'))!;
    expect({ takenOver, again, ran, status: job.status }).toEqual({ takenOver: 1, again: 0, ran: ['a', 'b'], status: 'done' });
  });

  it('the lapsed run did the work: the takeover\'s failure does not put the job back', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    const b = instanceScheduler(cosmos, clock);
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    let releaseB!: () => void;
    const bMayFail = new Promise<void>((resolve) => (releaseB = resolve));
    const ran: string[] = [];
    a.on('probe.notice2', async () => {
      ran.push('a');
      clock.advanceMinutes(3);
      await aMayFinish;
    });
    b.on('probe.notice2', async () => {
      ran.push('b');
      await bMayFail;
      throw new Error('Teams answered 503');
    });
    await a.schedule({ id: 'lapsed-run-did-the-work', kind: 'probe.notice2', dueAt: '2026-12-07T07:59:00Z', payload: {} });

    const runningA = a.runDue();
    await waitUntil('A runs the job', () => ran.includes('a'));
    const runningB = b.runDue();
    await waitUntil('B took the job over', () => ran.includes('b'));
    releaseA();
    await runningA;
    releaseB();
    await runningB;
    clock.advanceMinutes(5);
    const again = await b.runDue();
    const job = (await storedJob(cosmos, 'lapsed-run-did-the-work'))!;
    expect({ again, ran, status: job.status }).toEqual({ again: 0, ran: ['a', 'b'], status: 'done' });
  });
});
