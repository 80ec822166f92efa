import { DomainError } from '../../../src/domain/shared/errors';
import { stableId } from '../../../src/domain/shared/ids';
import { Jaarplan } from '../../../src/domain/hr-report/jaarplan';
import { holidayCalendar } from '../../../src/domain/week-cycle/holidays';
import { HalfYearDeps } from '../../../src/usecases/hr-report/half-year';

/**
 * Set-up shared by the tests of the card keys a half-yearly run keeps on the year's plan: the
 * moment of June 2026, and the run's ports in memory with a directory that does not answer.
 */

/** The half-yearly moment of June 2026 (it closes the half-year from 1 January). */
export const JUNE_2026_RUN = { tenantId: 'tenant-1', route: { serviceUrl: 'https://smba.example/' }, year: 2026, month: 6, dueAt: '2026-06-01T07:00:00.000Z' };

/** An HR card's key as a plan of before stop 58 kept it: plain, recomputable from the person's id. */
export const plainHrCardKey = (id: string) => `jaarplan.halfYear.hr:${stableId('hy', 'tenant-1', '2026-01-01', id)}`;

/**
 * The run's ports: the plan kept in `stored`, the cards told in `sent` ("hr <id>", "manager <id>"),
 * `hr` the HR members. The directory does not answer, so the run runs again and keeps its cards'
 * keys on the plan; with `planKeySecret` it keeps them keyed.
 */
export function halfYearDeps(sent: string[], stored: { plan?: Jaarplan }, hr: string[], planKeySecret?: string): HalfYearDeps {
  return {
    plans: {
      get: async () => stored.plan,
      create: async (plan) => (stored.plan ? { plan: stored.plan, created: false } : { plan: (stored.plan = plan), created: true }),
      update: async (_t, _y, change) => (stored.plan = change(stored.plan!)),
    },
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    clock: { now: () => new Date('2026-06-01T07:00:00Z') },
    timeZone: 'Europe/Amsterdam',
    isHoliday: holidayCalendar('NL').isHoliday,
    hrUserIds: hr,
    hrGroup: false,
    directory: { directReports: async () => [], managers: () => Promise.reject(new DomainError('directoryUnavailable', 'down')) },
    reviews: { listByManager: async () => [] },
    notices: { toHr: async (to) => void sent.push(`hr ${to.userId}`), toManager: async (to) => void sent.push(`manager ${to.userId}`) },
    ...(planKeySecret ? { planKeySecret } : {}),
  };
}
