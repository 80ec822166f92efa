import { RunAgainLater } from '../../src/scheduling/run-again-later';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';
import { instanceScheduler, storedJob } from './scheduler-bed';

/**
 * Found in review, stop 61 (fixed then: a run's `done` lands over a running or pending job, never over
 * an outcome written; an outcome write that finds the job gone ends the run quietly). Cases 1 and 3
 * failed on the first fix of the lapsed-lease finding; case 2 is a guard.
 * 1. The takeover says "later" (RunAgainLater) before the lapsed run, which did the work, finishes:
 *    the job is pending again, and `done` is not written over a pending job. Does it run a third time?
 * 2. One instance claims its own job twice (its own lease lapsed): the first run's failure after the
 *    second run finished must not put the job back.
 * 3. The job is forgotten (an erasure) during its run: the pass ends without an error, and the job
 *    is not written back.
 */
describe('scheduler outcomes of lapsed runs, and of a job forgotten during its run', () => {
  let cosmos: CosmosConnection;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(() => cosmos.close());
  const jobDoc = async (id: string) => (await storedJob(cosmos, id))!;

  it('the lapsed run did the work after the takeover said "later": the job does not run a third time', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    const b = instanceScheduler(cosmos, clock);
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    const ran: string[] = [];
    a.on('probe.later', async () => {
      ran.push('a');
      clock.advanceMinutes(3);
      await aMayFinish;
    });
    b.on('probe.later', async () => {
      ran.push('b');
      throw new RunAgainLater(new Date(clock.now().getTime() + 60_000), 'not yet');
    });
    await a.schedule({ id: 'own61b-later', kind: 'probe.later', dueAt: '2026-12-07T07:59:00Z', payload: {} });

    const runningA = a.runDue();
    await waitUntil('A runs the job', () => ran.includes('a'));
    await b.runDue();
    expect((await jobDoc('own61b-later')).status).toBe('pending');
    releaseA();
    await runningA;
    clock.advanceMinutes(5);
    const again = await b.runDue();
    expect({ again, ran, status: (await jobDoc('own61b-later')).status }).toEqual({ again: 0, ran: ['a', 'b'], status: 'done' });
  });

  it('one instance claims its own lapsed job again: the first run failing after the second finished leaves it done', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    let releaseFirst!: () => void;
    const firstMayFail = new Promise<void>((resolve) => (releaseFirst = resolve));
    let runs = 0;
    a.on('probe.twice', async () => {
      runs++;
      if (runs === 1) {
        clock.advanceMinutes(3);
        await firstMayFail;
        throw new Error('Teams answered 503');
      }
    });
    await a.schedule({ id: 'own61b-twice', kind: 'probe.twice', dueAt: '2026-12-07T07:59:00Z', payload: {} });
    const first = a.runDue();
    await waitUntil('the first run runs', () => runs === 1);
    const second = await a.runDue();
    expect({ second, status: (await jobDoc('own61b-twice')).status }).toEqual({ second: 1, status: 'done' });
    releaseFirst();
    await first;
    clock.advanceMinutes(5);
    expect({ again: await a.runDue(), runs, status: (await jobDoc('own61b-twice')).status }).toEqual({ again: 0, runs: 2, status: 'done' });
  });

  it('the job forgotten (erasure) during its run: the pass ends without an error and writes nothing back', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    let release!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const others: string[] = [];
    a.on('probe.forgotten', async () => {
      started = true;
      await mayFinish;
    });
    a.on('probe.other', async () => void others.push('ran'));
    await a.schedule({ id: 'own61b-forgotten', kind: 'probe.forgotten', dueAt: '2026-12-07T07:58:00Z', payload: {} });
    await a.schedule({ id: 'own61b-other', kind: 'probe.other', dueAt: '2026-12-07T07:59:00Z', payload: {} });
    const pass = a.runDue().then(
      (n) => ({ ok: true as const, n }),
      (err: Error) => ({ ok: false as const, err: err.message }),
    );
    await waitUntil('the job runs', () => started);
    await a.forget('own61b-forgotten');
    release();
    const outcome = await pass;
    expect({ outcome, others, doc: await jobDoc('own61b-forgotten') }).toEqual({ outcome: { ok: true, n: 2 }, others: ['ran'], doc: undefined });
  });
});
