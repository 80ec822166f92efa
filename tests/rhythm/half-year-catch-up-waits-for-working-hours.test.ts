/**
 * The half-yearly reminder ("on the first working day ... at 09:00", README) run late: the app was
 * down from Monday 1 June until Saturday 6 June 02:00 Amsterdam. It sends nothing in the night of a
 * weekend and runs again on Monday 8 June 09:00; nor does it schedule the month's job due at once
 * under a saved plan's revision id, which would send it then after all (found in review, stop 68).
 */
import { ScheduledJob } from '../../src/domain/scheduling/job';
import { Jaarplan } from '../../src/domain/hr-report/jaarplan';
import { runHalfYear } from '../../src/usecases/hr-report/half-year';
import { halfYearDeps, JUNE_2026_RUN } from '../hr-report/support/half-year-plan';

describe('a half-yearly run picked up late, outside working hours', () => {
  const savedPlan = (): Jaarplan => ({ tenantId: 'tenant-1', year: 2026, targets: {}, revision: 3, updatedAt: '2026-05-20T10:00:00.000Z', keys: [] });

  function runAt(now: string) {
    const sent: string[] = [];
    const scheduled: Pick<ScheduledJob, 'id' | 'dueAt'>[] = [];
    const deps = {
      ...halfYearDeps(sent, { plan: savedPlan() }, ['aad-hr']),
      clock: { now: () => new Date(now) },
      scheduler: { schedule: async (job: ScheduledJob) => void scheduled.push({ id: job.id, dueAt: job.dueAt }), cancel: async () => undefined },
    };
    return { sent, scheduled, outcome: runHalfYear(deps, JUNE_2026_RUN) };
  }

  it('sends nothing at 02:00 on a Saturday, schedules nothing due now, and runs again on Monday at 09:00', async () => {
    const run = runAt('2026-06-06T00:00:00Z');
    expect({ outcome: await run.outcome, sent: run.sent, scheduledDueNow: run.scheduled.filter((j) => j.dueAt <= '2026-06-06T00:00:00.000Z') }).toEqual({
      outcome: { result: 'outsideWorkingHours', runAgainAt: '2026-06-08T07:00:00.000Z' },
      sent: [],
      scheduledDueNow: [],
    });
  });

  it('sends when it is run late within working hours', async () => {
    const run = runAt('2026-06-03T12:00:00Z'); // Wednesday 14:00 in Amsterdam
    await run.outcome;
    expect(run.sent).toEqual(['hr aad-hr']);
  });
});
