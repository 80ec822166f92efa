/**
 * Found in review, stop 51: a year in the life of one group, in the HR report's own rules. The
 * group meets weekly from June 2025 to August 2027 (Dutch holidays skipped, two DST changes a
 * year, the ISO-53 week of 2026/2027, Tue-Fri weeks where a Monday is a holiday). Every planned
 * session is held (three people) and closed at 10:00 local. Each half-year's report (and the
 * two halves of a year) must count every session exactly once: none in two periods, none in none.
 */
import { DateTime } from 'luxon';
import { computeReport, ReportInput } from '../../src/domain/hr-report/report';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { planWeeks, sessionInstant } from '../../src/domain/week-cycle/rhythm';

const AMS = 'Europe/Amsterdam';
const weeks = planWeeks(1, 110, '2025-06-02', { days: [1, 2, 3, 4], holidays: holidayCalendar('NL') });
const round = { answers: 3, average: 4 } as never;
const sessions: ReportInput['sessions'] = weeks.flatMap((w) =>
  w.dates.map((d) => {
    const start = sessionInstant(d, '09:00', AMS);
    return { groupId: 'g1', startedAt: start.toISOString(), closedAt: new Date(start.getTime() + 3_600_000).toISOString(), status: 'closed' as const, attendees: 3, energyIn: round, energyOut: round, cycle: { id: `c${w.week}`, firstDate: w.dates[0]!, lastDate: w.dates[3]! } };
  }),
);
const report = (from: string, to: string) => computeReport({ period: { from, to }, asOf: '2028-01-01T00:00:00Z', timeZone: AMS, sessionHours: 1, sessions, proposals: [], b3: [] });
const HALVES = [['2025-07-01', '2025-12-31'], ['2026-01-01', '2026-06-30'], ['2026-07-01', '2026-12-31'], ['2027-01-01', '2027-06-30']] as const;

describe('a year in the life, counted by half-years', () => {
  const inRange = (from: string, to: string) => weeks.filter((w) => { const th = DateTime.fromISO(w.dates[0]!, { zone: AMS }).startOf('week').plus({ days: 3 }).toISODate()!; return th >= from && th <= to; });

  it('no planned week crosses a weekend or lands on a Dutch holiday, and the 53rd ISO week of 2026 is used', () => {
    const nl = holidayCalendar('NL');
    for (const w of weeks) {
      expect(w.dates.some((d) => nl.isHoliday(d))).toBe(false);
      expect(DateTime.fromISO(w.dates[0]!).weekNumber).toBe(DateTime.fromISO(w.dates[3]!).weekNumber);
    }
    expect(weeks.some((w) => w.dates[0] === '2026-12-28')).toBe(true);
  });

  it.each(HALVES)('%s..%s counts exactly the sessions of the weeks whose Thursday lies in it', (from, to) => {
    expect(report(from, to).sessionsHeld).toBe(inRange(from, to).length * 4);
  });

  it('the four half-years together count each session once, the energy weeks once, 2026-W53 in 2026', () => {
    const reports = HALVES.map(([f, t]) => report(f, t));
    expect(reports.reduce((n, r) => n + r.sessionsHeld, 0)).toBe(inRange('2025-07-01', '2027-06-30').length * 4);
    const labels = reports.flatMap((r) => r.energy.map((e) => e.week));
    expect(new Set(labels).size).toBe(labels.length);
    expect(reports[2]!.energy.map((e) => e.week)).toContain('2026-W53');
    // A whole year asked at once is the sum of its halves.
    expect(report('2026-01-01', '2026-12-31').sessionsHeld).toBe(reports[1]!.sessionsHeld + reports[2]!.sessionsHeld);
  });
});
