import { RunAgainLater } from '../../src/scheduling/run-again-later';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { waitUntil } from '../outbox/wait-until';
import { instanceScheduler, storedJob } from './scheduler-bed';

/**
 * Found in review, stop 61 (fixed then: a run's `done` lands over a pending job only when it is the
 * run it claimed, put back by another: as far along in attempts, the same payload). Cases 1-2 failed on
 * the fix before; case 3 is a guard.
 * The fix before let a run's `done` land over any *pending* job. A job planned
 * afresh under the same id while an old run is in flight (forget + schedule, as
 * plan-review.ts sendAgainIfNotDelivered does; or cancel + schedule after a takeover said "later")
 * is pending with the new plan: the old run's `done` must not swallow it.
 */
describe('an old run\'s done over a job planned afresh', () => {
  let cosmos: CosmosConnection;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(() => cosmos.close());
  const jobDoc = async (id: string) => (await storedJob(cosmos, id))!;

  it('forgotten and scheduled again (same id, new payload) during its run: the new plan still runs', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    let release!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    a.on('probe.replan', async (payload) => {
      ran.push(String(payload.v));
      if (payload.v === 'old') await mayFinish;
    });
    await a.schedule({ id: 'own61e-replan', kind: 'probe.replan', dueAt: '2026-12-07T07:59:00Z', payload: { v: 'old' } });
    const pass = a.runDue();
    await waitUntil('the old run runs', () => ran.includes('old'));
    // As sendAgainIfNotDelivered: forget, then schedule under the same id, due now.
    await a.forget('own61e-replan');
    await a.schedule({ id: 'own61e-replan', kind: 'probe.replan', dueAt: '2026-12-07T08:00:00Z', payload: { v: 'new' } });
    expect((await jobDoc('own61e-replan')).status).toBe('pending');
    release();
    await pass;
    clock.advanceMinutes(1);
    await a.runDue();
    expect({ ran, status: (await jobDoc('own61e-replan')).status }).toEqual({ ran: ['old', 'new'], status: 'done' });
  });

  it('takeover said "later", then cancelled and planned again with a new payload: the lapsed run\'s done does not swallow the new plan', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    const b = instanceScheduler(cosmos, clock);
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    const ran: string[] = [];
    a.on('probe.moveback', async (payload) => {
      ran.push(`a:${String(payload.v)}`);
      if (payload.v === 'old') {
        clock.advanceMinutes(3);
        await aMayFinish;
      }
    });
    b.on('probe.moveback', async (payload) => {
      ran.push(`b:${String(payload.v)}`);
      if (payload.v === 'old') throw new RunAgainLater(new Date(clock.now().getTime() + 60_000), 'not yet');
    });
    await a.schedule({ id: 'own61e-moveback', kind: 'probe.moveback', dueAt: '2026-12-07T07:59:00Z', payload: { v: 'old' } });
    const runningA = a.runDue();
    await waitUntil('A runs the job', () => ran.includes('a:old'));
    await b.runDue();
    expect((await jobDoc('own61e-moveback')).status).toBe('pending');
    // The week moved away and back: cancelled, then planned again with a new payload.
    await b.cancel('own61e-moveback');
    await b.schedule({ id: 'own61e-moveback', kind: 'probe.moveback', dueAt: '2026-12-07T08:10:00Z', payload: { v: 'new' } });
    expect((await jobDoc('own61e-moveback')).payload).toEqual({ v: 'new' });
    releaseA();
    await runningA;
    clock.advanceMinutes(10);
    await b.runDue();
    expect(ran).toContain('b:new');
  });

  it('a handler\'s own 404 (a Cosmos read inside it) is a failure to retry, not a quiet end', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:00:00Z'));
    const a = instanceScheduler(cosmos, clock);
    let runs = 0;
    a.on('probe.own404', async () => {
      runs++;
      if (runs === 1) await cosmos.container('jobs').item('own61e-nothing-here', 'own61e-nothing-here').read().then((r) => {
        if (!r.resource) throw Object.assign(new Error('Not found'), { code: 404, statusCode: 404 });
      });
    });
    await a.schedule({ id: 'own61e-own404', kind: 'probe.own404', dueAt: '2026-12-07T07:59:00Z', payload: {} });
    await a.runDue();
    expect((await jobDoc('own61e-own404')).status).toBe('pending');
    clock.advanceMinutes(5);
    await a.runDue();
    expect({ runs, status: (await jobDoc('own61e-own404')).status }).toEqual({ runs: 2, status: 'done' });
  });
});
