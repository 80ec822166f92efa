import { halfYearOf, nextMoment, readMoments, reportsWithoutConversation } from '../../src/domain/hr-report/half-year';
import { DomainError } from '../../src/domain/shared/errors';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { HalfYearDeps, runHalfYear } from '../../src/usecases/hr-report/half-year';

const nl = holidayCalendar('NL');
const zone = 'Europe/Amsterdam';

/** The half-yearly rhythm's rules: the months HR may choose, when a moment comes, which half-year it closes. */
describe('the half-yearly rules', () => {
  it.each([
    [{ firstMoment: '12', secondMoment: '6' }, { moments: [6, 12], problems: [] }],
    [{}, { problems: [] }], // a form from before the months: no change
    [{ firstMoment: '6', secondMoment: '6' }, { problems: [{ input: { field: 'secondMoment', rule: 'range', params: { sameMonth: 1 } } }] }],
    [{ firstMoment: '13', secondMoment: '' }, { problems: [{ input: { field: 'firstMoment', rule: 'format', params: { min: 1, max: 12 } } }, { input: { field: 'secondMoment', rule: 'required' } }] }],
  ])('reads %j', (values, expected) => {
    expect(readMoments(values)).toEqual(expected);
  });

  it('comes on the first working day at 09:00 Amsterdam, past weekends and public holidays', () => {
    const defaults = () => [6, 12] as [number, number];
    expect(nextMoment(new Date('2026-11-23T09:00:00Z'), zone, nl.isHoliday, defaults)).toEqual({ year: 2026, month: 12, dueAt: '2026-12-01T08:00:00.000Z' });
    // 1 January 2027 is Nieuwjaarsdag, then a weekend.
    expect(nextMoment(new Date('2026-12-01T08:00:00Z'), zone, nl.isHoliday, (y) => (y === 2027 ? [1, 7] : [6, 12]))).toEqual({ year: 2027, month: 1, dueAt: '2027-01-04T08:00:00.000Z' });
    // Summer time: 09:00 Amsterdam is 07:00 UTC; 1 August 2026 is a Saturday.
    expect(nextMoment(new Date('2026-07-02T00:00:00Z'), zone, nl.isHoliday, () => [2, 8]).dueAt).toBe('2026-08-03T07:00:00.000Z');
  });

  it('closes the half-year since the other moment: every month in exactly one account', () => {
    expect(halfYearOf({ year: 2026, month: 6 }, [6, 12], [6, 12])).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearOf({ year: 2026, month: 12 }, [6, 12], [6, 12])).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(halfYearOf({ year: 2026, month: 3 }, [3, 9], [3, 9])).toEqual({ from: '2025-10-01', to: '2026-03-31' });
    expect(halfYearOf({ year: 2026, month: 9 }, [3, 9], [3, 9])).toEqual({ from: '2026-04-01', to: '2026-09-30' });
    // The months changed between years: the first half-year starts after last year's own second month.
    expect(halfYearOf({ year: 2027, month: 1 }, [1, 7], [6, 12])).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(halfYearOf({ year: 2027, month: 6 }, [6, 12], [1, 7])).toEqual({ from: '2026-08-01', to: '2027-06-30' });
  });

  it('counts reports without a conversation of the manager dated in the half-year, held or ahead', () => {
    const reports = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const reviews = [{ reportId: 'a', date: '2026-03-02' }, { reportId: 'b', date: '2026-07-01' }, { reportId: 'x', date: '2026-04-01' }];
    expect(reportsWithoutConversation(reports, reviews, { from: '2026-01-01', to: '2026-06-30' })).toBe(2);
  });
});

describe('a half-yearly moment whose directory cannot list managers', () => {
  const sent: string[] = [];
  const deps = (directory: HalfYearDeps['directory']): HalfYearDeps => ({
    // No plan stored; a run that sends remembers its half-year on a new one.
    plans: { get: async () => undefined, create: async (plan) => ({ plan, created: true }), update: async () => Promise.reject(new Error('not stored')) },
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    clock: { now: () => new Date('2026-06-01T07:00:00Z') },
    timeZone: zone,
    isHoliday: nl.isHoliday,
    hrUserIds: ['aad-hanna'],
    hrGroup: true,
    directory,
    reviews: { listByManager: async () => [] },
    notices: { toHr: async (to) => void sent.push(`hr ${to.userId}`), toManager: async (to) => void sent.push(`manager ${to.userId}`) },
  });
  const job = { tenantId: 'tenant-1', route: { serviceUrl: 'https://smba.example/' }, year: 2026, month: 6, dueAt: '2026-06-01T07:00:00.000Z' };

  beforeEach(() => sent.splice(0));

  it('still reminds HR, and says the managers could not be listed (Graph lists none)', async () => {
    expect(await runHalfYear(deps({ directReports: async () => [] }), job)).toEqual({ result: 'sent', hr: 1, hrGroupNotListed: true, managers: 'notListed', managersSkipped: 0, runAgain: false });
    expect(sent).toEqual(['hr aad-hanna']);
  });

  it('runs again when the directory does not answer, for all managers or one whose reports it does not give (the half-year is not marked as reminded)', async () => {
    const outage = () => Promise.reject(new DomainError('directoryUnavailable', 'down'));
    expect(await runHalfYear(deps({ directReports: async () => [], managers: outage }), job)).toMatchObject({ managers: 'unavailable', runAgain: true });
    const partly = deps({ managers: async () => [{ id: 'm1' }, { id: 'm2' }], directReports: async (id) => (id === 'm1' ? outage() : [{ id: 'r', name: 'R' }]) });
    expect(await runHalfYear(partly, job)).toMatchObject({ managers: 1, managersSkipped: 1, runAgain: true });
    expect(sent.filter((s) => s.startsWith('manager'))).toEqual(['manager m2']);
  });

  it('says nothing in a month HR no longer chose, nor once the next moment month began', async () => {
    expect(await runHalfYear({ ...deps({ directReports: async () => [] }), plans: { ...deps({ directReports: async () => [] }).plans, get: async () => ({ tenantId: 't', year: 2026, targets: {}, moments: [5, 11], revision: 1, updatedAt: '', keys: [] }) } }, job)).toEqual({ result: 'notAMoment' });
    expect(await runHalfYear({ ...deps({ directReports: async () => [] }), clock: { now: () => new Date('2026-12-01T08:00:00Z') } }, job)).toEqual({ result: 'tooLate' });
    expect(sent).toEqual([]);
  });

  // Stop 53: the app down for the rest of the moment month still reminds, once, saying so.
  it('reminds late after the month, within the half-year it opens', async () => {
    expect(await runHalfYear({ ...deps({ directReports: async () => [] }), clock: { now: () => new Date('2026-07-01T08:00:00Z') } }, job)).toMatchObject({ result: 'sent', late: true, hr: 1 });
    expect(sent).toEqual(['hr aad-hanna']);
  });
});
