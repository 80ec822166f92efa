/**
 * Pinned in review, stop 48 (the year's rhythm): the rules at the turn of 2026/2027 (ISO week
 * 53), the summer-time changes and months whose first day is a weekend. Each would fail if a rule
 * took UTC for the organisation's time, or a calendar year for an ISO week's.
 */
import { halfYearOf, momentDueAt, momentRunTiming, nextMoment } from '../../src/domain/hr-report/half-year';
import { jaarplanProgress, jaarplanYearOver, jaarplanYears } from '../../src/domain/hr-report/jaarplan';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { planWeeks, sessionInstant } from '../../src/domain/week-cycle/rhythm';

const AMS = 'Europe/Amsterdam';
const nl = holidayCalendar('NL');
const defaults = () => [6, 12] as [number, number];
/** 31 December 23:30 and 1 January 00:30 Amsterdam (winter time, UTC+1). */
const EVE = new Date('2026-12-31T22:30:00Z');
const NEW_YEAR = new Date('2026-12-31T23:30:00Z');

describe('the year turns in Amsterdam, not in UTC', () => {
  it('the Jaarplan years and the year over follow Amsterdam', () => {
    expect(jaarplanYears(EVE, AMS)).toEqual([2026, 2027]);
    expect(jaarplanYears(NEW_YEAR, AMS)).toEqual([2027, 2028]);
    expect(jaarplanYearOver(2026, EVE, AMS)).toBe(false);
    expect(jaarplanYearOver(2026, NEW_YEAR, AMS)).toBe(true);
  });

  it('December\'s moment is still December at 23:30 on the 31st, and over at 00:30 on 1 January', () => {
    const run = (at: Date) => momentRunTiming({ year: 2026, month: 12 }, { year: 2027, month: 6 }, { dueAt: at, pickedUpAt: at }, AMS);
    expect(run(EVE)).toBe('onTime');
    expect(run(NEW_YEAR)).toBe('late');
    expect(nextMoment(EVE, AMS, nl.isHoliday, defaults)).toEqual({ year: 2027, month: 6, dueAt: '2027-06-01T07:00:00.000Z' });
    expect(nextMoment(NEW_YEAR, AMS, nl.isHoliday, defaults)).toEqual({ year: 2027, month: 6, dueAt: '2027-06-01T07:00:00.000Z' });
    expect(halfYearOf({ year: 2026, month: 12 }, [6, 12], [6, 12])).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('a month whose 1st is a Saturday: the first working day, 09:00 local, also past a holiday Monday', () => {
    // 1 August 2026 Saturday; 1 May 2027 Saturday; 1 January 2028 Saturday (and Nieuwjaarsdag).
    expect(momentDueAt(2026, 8, AMS, nl.isHoliday).toUTC().toISO()).toBe('2026-08-03T07:00:00.000Z');
    expect(momentDueAt(2027, 5, AMS, nl.isHoliday).toUTC().toISO()).toBe('2027-05-03T07:00:00.000Z');
    expect(momentDueAt(2028, 1, AMS, nl.isHoliday).toUTC().toISO()).toBe('2028-01-03T08:00:00.000Z');
    // 1 April 2029 is Easter Sunday, 2 April Easter Monday: Tuesday 3 April.
    expect(momentDueAt(2029, 4, AMS, nl.isHoliday).toUTC().toISO()).toBe('2029-04-03T07:00:00.000Z');
  });

  it('09:00 stays 09:00 local on both sides of the summer-time changes of 2026 and 2027', () => {
    const at = (d: string) => sessionInstant(d, '09:00', AMS).toISOString();
    expect([at('2026-03-27'), at('2026-03-30'), at('2026-10-23'), at('2026-10-26')]).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    expect([at('2027-03-26'), at('2027-03-29'), at('2027-10-29'), at('2027-11-01')]).toEqual(['2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-10-29T07:00:00.000Z', '2027-11-01T08:00:00.000Z']);
  });

  it('a plan over the new year: week 53 of 2026 once, then 4 January', () => {
    expect(planWeeks(1, 3, '2026-12-24', { days: [1, 2, 3, 4], holidays: nl }).map((w) => w.dates[0])).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
  });

  it('a week-53 cycle (28-31 December 2026) counts in the 2026 Jaarplan once over, never in 2027\'s', () => {
    const round = { answers: 3, average: 3 } as never;
    const sessions = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'].map((d, i) => ({
      groupId: 'g',
      startedAt: `${d}T08:00:00.000Z`,
      closedAt: `${d}T09:00:00.000Z`,
      status: 'closed' as const,
      attendees: 3,
      energyIn: round,
      energyOut: round,
      cycle: { id: 'g_w1', firstDate: '2026-12-28', lastDate: '2026-12-31' },
      seq: i,
    }));
    const progress = (year: number, asOf: string) => jaarplanProgress({ year, targets: { weekCycles: 10 } }, { sessions, proposals: [], asOf, timeZone: AMS, sessionHours: 1 }).indicators[0]!.realised;
    // The week is over on Monday 4 January 00:00 Amsterdam.
    expect({ eve: progress(2026, EVE.toISOString()), sunday: progress(2026, '2027-01-03T22:59:00Z'), monday: progress(2026, '2027-01-03T23:00:00Z'), in2027: progress(2027, '2027-01-11T12:00:00Z') }).toEqual({ eve: 0, sunday: 0, monday: 1, in2027: 0 });
  });
});
