// A guard (held when written, in review of stop 59).
/**
 * The year's plan keeps a run again's card keys as digests keyed with the app's secret
 * (`planKeySecret`, stop 58). A plan written before stop 58 (plain keys) read by the new code sends
 * no second card, and the keys a run again adds sit beside the old ones. (Under another secret, a
 * rotated POLL_HASH_KEY, a run again would not find the keyed ones: README, Configuration.)
 */
import { DomainError } from '../../src/domain/shared/errors';
import { stableId } from '../../src/domain/shared/ids';
import { Jaarplan } from '../../src/domain/hr-report/jaarplan';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { HalfYearDeps, runHalfYear } from '../../src/usecases/hr-report/half-year';

describe('the plan\'s keyed card keys beside keys of before stop 58', () => {
  const job = { tenantId: 'tenant-1', route: { serviceUrl: 'https://smba.example/' }, year: 2026, month: 6, dueAt: '2026-06-01T07:00:00.000Z' };
  const plainKey = (id: string) => `jaarplan.halfYear.hr:${stableId('hy', 'tenant-1', '2026-01-01', id)}`;
  const deps = (sent: string[], stored: { plan?: Jaarplan }, hr: string[], planKeySecret?: string): HalfYearDeps => ({
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
    // The directory does not answer: the run runs again, and keeps its cards' keys on the plan.
    directory: { directReports: async () => [], managers: () => Promise.reject(new DomainError('directoryUnavailable', 'down')) },
    reviews: { listByManager: async () => [] },
    notices: { toHr: async (to) => void sent.push(`hr ${to.userId}`), toManager: async (to) => void sent.push(`manager ${to.userId}`) },
    ...(planKeySecret ? { planKeySecret } : {}),
  });

  it('guard: a plan of before stop 58 (plain keys) and a new HR person: one card each, both kept', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    await runHalfYear(deps(sent, stored, ['aad-hanna']), job);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainKey('aad-hanna')]);
    const secret = 'plan-keys-guard-secret'.padEnd(40, 'p');
    await runHalfYear(deps(sent, stored, ['aad-hanna', 'aad-henk'], secret), job);
    await runHalfYear(deps(sent, stored, ['aad-hanna', 'aad-henk'], secret), job);
    expect(sent).toEqual(['hr aad-hanna', 'hr aad-henk']);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainKey('aad-hanna'), expect.stringMatching(/^jaarplan\.halfYear\.hr:hy_/)]);
  });
});
