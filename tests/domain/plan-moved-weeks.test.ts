/**
 * Weeks the group moved (`RhythmPlan.moved`, stop 36) when the plan changes under them: new days,
 * fewer planned weeks, a group going on past its plan. Found in the third review of stop 36.
 */
import { Weekday } from '../../src/domain/week-cycle/group';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { extendPlan, makePlan, moveWeek, PlanContext, reconcilePlan, RhythmPlan } from '../../src/domain/week-cycle/plan';

const NL = holidayCalendar('NL');
const ctx = (today: string, startedWeeks = 0): PlanContext => ({ today, startedWeeks, holidays: NL, at: `${today}T07:00:00.000Z` });
const ok = (r: ReturnType<typeof moveWeek>): RhythmPlan => {
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};
const starts = (p: RhythmPlan) => p.weeks.map((w) => w.dates[0]);

describe('a moved week and a change of days', () => {
  const group = { id: 'g', plannedWeeks: 4, schedule: { days: [1, 2, 3, 4] as Weekday[], startTime: '09:00', timeZone: 'Europe/Amsterdam' } };

  it('a week moved to a Tuesday stays in its calendar week when the group picks Mon, Tue, Thu, Fri', () => {
    const plan = makePlan(group, ctx('2026-11-23'));
    expect(starts(plan)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    const moved = ok(moveWeek(plan, group, ctx('2026-11-24', 1), 3, '2026-12-07', '2026-12-08'));
    expect(starts(moved)).toEqual(['2026-11-23', '2026-11-30', '2026-12-08', '2026-12-14']);
    const own = { ...group, schedule: { ...group.schedule, days: [1, 2, 4, 5] as Weekday[] } };
    const next = reconcilePlan(moved, own, ctx('2026-11-24', 1));
    // Found in review: the pin's own day no longer fitted, so week 3 went to 14 Dec and left the week of 7 Dec empty.
    expect(starts(next)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
  });
});

describe('a moved week the plan no longer holds', () => {
  const group = { id: 'g', plannedWeeks: 4, schedule: { days: [1, 2, 3, 4] as Weekday[], startTime: '09:00', timeZone: 'Europe/Amsterdam' } };

  it('week 4 moved past Christmas, the plan cut to 3 weeks, then back to 4: week 4 follows on, not back to the old date', () => {
    const plan = makePlan(group, ctx('2026-11-23'));
    const moved = ok(moveWeek(plan, group, ctx('2026-11-24', 1), 4, '2026-12-14', '2027-01-04'));
    expect(starts(moved)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2027-01-04']);
    const three = reconcilePlan(moved, { ...group, plannedWeeks: 3 }, ctx('2026-11-24', 1));
    expect(starts(three)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    const four = reconcilePlan(three, group, ctx('2026-11-25', 1));
    expect(starts(four)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
  });
});

describe('a moved week and a group going on past its planned weeks', () => {
  const group = { id: 'g', plannedWeeks: 4, schedule: { days: [1, 2, 3, 4] as Weekday[], startTime: '09:00', timeZone: 'Europe/Amsterdam' } };

  it('week 4 moved to January, the plan cut to 3 weeks; starting week 4 on 14 Dec plans it from 14 Dec, not on the old pin', () => {
    const plan = makePlan(group, ctx('2026-11-23'));
    const moved = ok(moveWeek(plan, group, ctx('2026-11-24', 1), 4, '2026-12-14', '2027-01-04'));
    const three = reconcilePlan(moved, { ...group, plannedWeeks: 3 }, ctx('2026-11-24', 1));
    // Week 3 (7-10 Dec) held; on Monday 14 Dec, 07:00 UTC, a member starts week 4.
    const more = extendPlan(three, { ...group, plannedWeeks: 3 }, ctx('2026-12-14', 3), 4);
    expect(more.weeks[3]!.dates[0]).toBe('2026-12-14');
  });
});
