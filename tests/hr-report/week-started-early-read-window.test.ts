import { ReportInput } from '../../src/domain/hr-report/report';
import { computeFor, HrReportDeps } from '../../src/usecases/hr-report/hr-report';

type Session = ReportInput['sessions'][number];

/** A session held by 4 people for an hour from `startedAt`. */
function held(startedAt: string, cycle: Session['cycle']): Session {
  return { groupId: 'g1', startedAt, closedAt: new Date(Date.parse(startedAt) + 3600_000).toISOString(), status: 'closed', attendees: 4, energyIn: {}, energyOut: {}, cycle };
}

/** The report's use case over stored sessions, read as the store reads them: by when they started. */
function deps(stored: Session[], now: string): HrReportDeps {
  const sessions = async (fromIso: string, toIso: string) => stored.filter((s) => s.startedAt >= fromIso && s.startedAt <= toIso);
  return {
    source: { forTenant: () => ({ sessions, proposals: async () => [], adoptedProposals: async () => [] }) },
    b3: { closedPolls: async () => [] },
    isHr: async () => true,
    clock: { now: () => new Date(now) },
    timeZone: 'Europe/Amsterdam',
    sessionHours: 1,
    jaarplan: { get: async (tenantId, year) => ({ tenantId, year, targets: { learningHours: 100 }, revision: 1, updatedAt: now, keys: [] }) },
  };
}

/**
 * A session of a week started early by hand counts in its cycle's planned week (stop 66), so the
 * report and the Jaarplan read sessions back from before a period's first week: the report read
 * only a week back, and a day held in the last days of December for a week planned in January was
 * in the figures of neither year.
 */
describe('the report reads the sessions of a week started early', () => {
  // Week 5 planned 4-7 January 2027; started on Tuesday 22 December, its day 1 held then, day 2 on 5 January.
  const january = { id: 'g1_w5', firstDate: '2027-01-04', lastDate: '2027-01-07' };
  const stored = [held('2026-12-22T08:00:00Z', january), held('2027-01-05T08:00:00Z', january)];

  it('a period from the first day of the planned week counts the day held before it', async () => {
    const report = await computeFor(deps(stored, '2027-01-20T12:00:00Z'), 'tenant-1', { from: '2027-01-04', to: '2027-01-10' });
    expect({ sessionsHeld: report.sessionsHeld, learningHours: report.learningHours }).toEqual({ sessionsHeld: 2, learningHours: 8 });
  });

  it('the Jaarplan of the planned week\'s year realises its hours', async () => {
    const report = await computeFor(deps(stored, '2027-01-20T12:00:00Z'), 'tenant-1', { from: '2027-01-01', to: '2027-01-20' });
    expect(report.jaarplan?.indicators).toEqual([{ indicator: 'learningHours', realised: 8, target: 100 }]);
  });
});
