/**
 * Found in review, stop 58 (the plan's side fixed then: with the app's secret, `planKeySecret`, the
 * year's plan keeps a keyed digest of each card's key). A half-yearly run that waits for the
 * directory keeps on the plan the keys of the cards it queued (`halfYearCardsQueued`), so a run
 * again sends nobody a second card. Kept as the keys themselves (stableId of tenant, half-year and
 * the person's id), anyone reading the plan could recompute an HR person's or manager's key from
 * their id, also after they erased their data. Keyed, nobody without the secret can.
 */
import { DomainError } from '../../src/domain/shared/errors';
import { stableId } from '../../src/domain/shared/ids';
import { Jaarplan } from '../../src/domain/hr-report/jaarplan';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { HalfYearDeps, runHalfYear } from '../../src/usecases/hr-report/half-year';

describe('the plan keeps a run again\'s card keys keyed with the app\'s secret', () => {
  const job = { tenantId: 'tenant-1', route: { serviceUrl: 'https://smba.example/' }, year: 2026, month: 6, dueAt: '2026-06-01T07:00:00.000Z' };
  const plainKey = `jaarplan.halfYear.hr:${stableId('hy', 'tenant-1', '2026-01-01', 'aad-hanna')}`;
  const deps = (sent: string[], stored: { plan?: Jaarplan }, planKeySecret?: string): HalfYearDeps => ({
    plans: {
      get: async () => stored.plan,
      create: async (plan) => (stored.plan ? { plan: stored.plan, created: false } : { plan: (stored.plan = plan), created: true }),
      update: async (_t, _y, change) => (stored.plan = change(stored.plan!)),
    },
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    clock: { now: () => new Date('2026-06-01T07:00:00Z') },
    timeZone: 'Europe/Amsterdam',
    isHoliday: holidayCalendar('NL').isHoliday,
    hrUserIds: ['aad-hanna'],
    hrGroup: false,
    // The directory does not answer: the run runs again, and keeps its cards' keys on the plan.
    directory: { directReports: async () => [], managers: () => Promise.reject(new DomainError('directoryUnavailable', 'down')) },
    reviews: { listByManager: async () => [] },
    notices: { toHr: async (to) => void sent.push(`hr ${to.userId}`), toManager: async (to) => void sent.push(`manager ${to.userId}`) },
    ...(planKeySecret ? { planKeySecret } : {}),
  });

  it('keeps no key recomputable from her id, and the run again still sends her no second card', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    const secret = 'a-secret-of-the-app-of-at-least-32-characters';
    expect(await runHalfYear(deps(sent, stored, secret), job)).toMatchObject({ hr: 1, runAgain: true });
    const keys = stored.plan?.halfYearCardsQueued?.keys;
    expect(keys).toEqual([expect.stringMatching(/^jaarplan\.halfYear\.hr:hy_[A-Za-z0-9_-]{22}$/)]);
    expect(JSON.stringify(stored.plan)).not.toContain(plainKey.split(':')[1]);
    expect(await runHalfYear(deps(sent, stored, secret), job)).toMatchObject({ hr: 1, runAgain: true });
    expect(sent).toEqual(['hr aad-hanna']);
  });

  it('still honours a key kept as it is (a plan from before), and keeps keys as they are without a secret', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    await runHalfYear(deps(sent, stored), job);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainKey]);
    await runHalfYear(deps(sent, stored, 'a-secret-of-the-app-of-at-least-32-characters'), job);
    expect(sent).toEqual(['hr aad-hanna']);
  });
});
