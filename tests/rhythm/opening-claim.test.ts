import { Weekday } from '../../src/domain/week-cycle/group';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { catchUpPlan, claimOpening, makePlan, moveWeek, PlanContext, weekOf } from '../../src/domain/week-cycle/plan';

const NL = holidayCalendar('NL');
const schedule = { days: [1, 2, 3, 4] as Weekday[], startTime: '09:00', timeZone: 'Europe/Amsterdam' };
const group = { id: 'g', plannedWeeks: 20, schedule };
// Set up Thursday 19 Nov 2026: week 1 is Monday 23 Nov, 09:00 Amsterdam (08:00Z).
const setUp: PlanContext = { today: '2026-11-19', startedWeeks: 0, holidays: NL, at: '2026-11-19T12:00:00.000Z' };
const plan = makePlan(group, setUp);
// The start job of week 1 ran at 08:00:20Z and claimed the week until the end of the hour.
const claimed = claimOpening(plan, schedule, 1, 1, '2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z')!;
const duringHour: PlanContext = { today: '2026-11-23', startedWeeks: 0, holidays: NL, at: '2026-11-23T08:00:20.000Z' };

/**
 * Found in review of stop 37's own change: a week's start job claims the week in the plan before
 * it opens it (`RhythmPlan.opening`). When the opening failed and the week was planned again on
 * another day, the claim still refused every move of it as "started" for the rest of the hour.
 */
describe('the opening claim of a week', () => {
  it('precondition: week 1 is on 23 Nov and claimed', () => {
    expect({ start: weekOf(plan, 1)!.dates[0], opening: claimed.opening }).toEqual({ start: '2026-11-23', opening: { week: 1, until: '2026-11-23T09:00:00.000Z', date: '2026-11-23' } });
  });

  it('after its openWeek failed and the catch-up re-planned week 1 to tomorrow, the group may move that week (it never started)', () => {
    const caught = catchUpPlan(claimed, group, duringHour);
    const start = weekOf(caught, 1)!.dates[0]!;
    expect(start > '2026-11-23').toBe(true);
    const r = moveWeek(caught, group, duringHour, 1, start, '2026-11-30');
    expect(r.ok ? 'moved' : r.reason).toBe('moved');
    // While the week is where it was claimed, a move is refused as started.
    const refused = moveWeek(claimed, group, duringHour, 1, '2026-11-23', '2026-11-30');
    expect(refused.ok ? 'moved' : refused.reason).toBe('started');
  });
});
