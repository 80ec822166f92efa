import { Weekday } from '../../src/domain/week-cycle/group';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { latestMoveDay, makePlan, moveWeek, PlanContext, weekOf } from '../../src/domain/week-cycle/plan';
import { addDays } from '../../src/domain/week-cycle/rhythm';

const NL = holidayCalendar('NL');
const group = { id: 'g', plannedWeeks: 52, schedule: { days: [1, 2, 3, 4] as Weekday[], startTime: '09:00', timeZone: 'Europe/Amsterdam' } };

/**
 * Found in review of stop 37's own change: the move horizon (a year from today) against a plan that itself
 * reaches past it. A 52-week plan (the maximum a group may choose) set up on Thursday 19 Nov 2026
 * plans week 51 and 52 past 20 Nov 2027, because weeks with a public holiday are passed over. Those
 * weeks cannot be moved at all any more, not even by a day within their own calendar week: every
 * date the group could pick for them was refused as "more than a year ahead". The horizon now
 * reaches at least to the end of the plan's last calendar week.
 */
describe('moving a week the plan itself put more than a year ahead', () => {
  const c: PlanContext = { today: '2026-11-19', startedWeeks: 0, holidays: NL, at: '2026-11-19T12:00:00.000Z' };
  const plan = makePlan(group, c);

  it('the plan reaches past a year from today by itself (precondition)', () => {
    expect(weekOf(plan, 52)!.dates[0]! > addDays(c.today, 366)).toBe(true);
    expect(latestMoveDay(c, plan) >= weekOf(plan, 52)!.dates.at(-1)!).toBe(true);
  });

  it('moves the last week by a day within its own calendar week', () => {
    const last = weekOf(plan, 52)!;
    const r = moveWeek(plan, group, c, 52, last.dates[0]!, addDays(last.dates[0]!, 1));
    expect(r.ok ? 'moved' : r.reason).toBe('moved');
  });
});
