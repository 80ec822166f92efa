import { Weekday } from '../../src/domain/week-cycle/group';
import { holidayCalendar, isKnownHolidayRegion } from '../../src/domain/week-cycle/holidays';
import { catchUpPlan, extendPlan, makePlan, moveWeek, PlanContext, plannedSession, reconcilePlan, skipWeek, upcomingSessions } from '../../src/domain/week-cycle/plan';
import { fitWeek, planWeeks, sessionInstant, todayIn, weekWindows } from '../../src/domain/week-cycle/rhythm';

const NL = holidayCalendar('NL');
const MON_THU: Weekday[] = [1, 2, 3, 4];
const week = (from: string, days: Weekday[] = MON_THU, holidays = NL) => planWeeks(1, 1, from, { days, holidays })[0]!.dates;

describe('the Dutch public holidays, from date-holidays', () => {
  it.each([
    ['2027-01-01', 'Nieuwjaarsdag', true],
    ['2027-03-28', 'Pasen', true],
    ['2027-03-29', 'Tweede paasdag', true],
    ['2027-04-27', 'Koningsdag', true],
    ['2027-05-06', 'Hemelvaartsdag', true],
    ['2027-05-17', 'Tweede pinksterdag', true],
    ['2027-12-25', 'Kerstmis', true],
    ['2027-12-26', 'Tweede kerstdag', true],
    ['2025-05-05', 'Bevrijdingsdag in a lustrum year', true],
    ['2027-05-05', 'Bevrijdingsdag in another year', false],
    ['2027-03-26', 'Goede Vrijdag (no general day off)', false],
    ['2027-05-04', 'Dodenherdenking (an observance)', false],
    ['2027-04-28', 'an ordinary Wednesday', false],
  ])('%s %s: a day off is %s', (date, _name, off) => {
    expect(NL.isHoliday(date)).toBe(off);
  });

  it('knows regions by country and state, and no others', () => {
    expect(['NL', 'nl', 'BE', 'DE-BY'].map(isKnownHolidayRegion)).toEqual([true, true, true, true]);
    expect(['XX', 'NL-ZZ', ''].map(isKnownHolidayRegion)).toEqual([false, false, false]);
    expect(() => holidayCalendar('XX')).toThrow('unknown holiday region');
    expect(holidayCalendar('BE').isHoliday('2027-07-21')).toBe(true); // the Belgian national day
    expect(NL.isHoliday('2027-07-21')).toBe(false);
  });
});

describe('which four days a week takes', () => {
  it('lets Monday-Thursday and Tuesday-Friday groups shift by a day, and keeps any other choice', () => {
    expect(weekWindows([1, 2, 3, 4])).toEqual([[1, 2, 3, 4], [2, 3, 4, 5]]);
    expect(weekWindows([5, 4, 3, 2])).toEqual([[2, 3, 4, 5], [1, 2, 3, 4]]);
    expect(weekWindows([1, 2, 4, 5])).toEqual([[1, 2, 4, 5]]);
    expect(weekWindows([3, 4, 5, 6])).toEqual([[3, 4, 5, 6]]);
  });

  it.each<[string, string, Weekday[], string[]]>([
    ['a Monday morning: this week, Monday to Thursday', '2026-11-23', MON_THU, ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']],
    ['a Tuesday: Tuesday to Friday, never on to next Monday', '2026-11-24', MON_THU, ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']],
    ['a Wednesday: four days no longer fit, so next week', '2026-11-25', MON_THU, ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']],
    ['a Saturday: next week', '2026-11-28', MON_THU, ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']],
    ['Koningsdag on Tuesday 27 April 2027, then Hemelvaart on Thursday 6 May: two weeks move on', '2027-04-26', MON_THU, ['2027-05-10', '2027-05-11', '2027-05-12', '2027-05-13']],
    ['Tweede pinksterdag on a Monday: Tuesday to Friday', '2027-05-17', MON_THU, ['2027-05-18', '2027-05-19', '2027-05-20', '2027-05-21']],
    ['Christmas 2026 on a Friday: Monday to Thursday before it', '2026-12-21', MON_THU, ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24']],
    ['Christmas 2025 on Thursday and Friday, then Nieuwjaarsdag on a Thursday: on to January 5', '2025-12-22', MON_THU, ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']],
    ['Christmas 2028 on Monday and Tuesday: the week cannot fit and moves on', '2028-12-25', MON_THU, ['2029-01-02', '2029-01-03', '2029-01-04', '2029-01-05']],
    ['Bevrijdingsdag 2025 (lustrum) on a Monday: Tuesday to Friday', '2025-05-05', MON_THU, ['2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09']],
    ['a Tuesday-Friday group with Koningsdag on Friday 2029: Monday to Thursday', '2029-04-23', [2, 3, 4, 5], ['2029-04-23', '2029-04-24', '2029-04-25', '2029-04-26']],
    ['the group\'s own Monday, Tuesday, Thursday, Friday: kept exactly', '2026-11-23', [1, 2, 4, 5], ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']],
    ['own days with Koningsdag among them: the week moves on', '2027-04-26', [1, 2, 4, 5], ['2027-05-10', '2027-05-11', '2027-05-13', '2027-05-14']],
    ['the group\'s own Wednesday to Saturday', '2026-11-23', [3, 4, 5, 6], ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']],
  ])('from %s', (_what, from, days, expected) => {
    expect(week(from, days)).toEqual(expected);
  });

  it('Nieuwjaarsdag 2027 on a Friday leaves the week after Christmas whole', () => {
    expect(fitWeek('2026-12-28', '2026-12-28', { days: MON_THU, holidays: NL })).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('plans one week per calendar week and passes over skipped ones and ones that cannot fit (Koningsdag, Hemelvaart), shifting after Pinkstermaandag', () => {
    const weeks = planWeeks(1, 4, '2027-04-19', { days: MON_THU, holidays: NL, skipped: new Set(['2027-05-10']) });
    expect(weeks.map((w) => `${w.week}:${w.dates[0]}`)).toEqual(['1:2027-04-19', '2:2027-05-18', '3:2027-05-24', '4:2027-05-31']);
  });

  it('refuses days on which no week can ever fit', () => {
    const always = { region: 'test', isHoliday: () => true };
    expect(() => planWeeks(1, 2, '2027-01-04', { days: MON_THU, holidays: always })).toThrow('invalidInput');
  });
});

describe('when a session starts, across summer time', () => {
  it.each([
    ['2027-03-26', '09:00', 'Europe/Amsterdam', '2027-03-26T08:00:00.000Z'], // winter time
    ['2027-03-30', '09:00', 'Europe/Amsterdam', '2027-03-30T07:00:00.000Z'], // summer time since Sunday 28 March
    ['2027-10-29', '09:00', 'Europe/Amsterdam', '2027-10-29T07:00:00.000Z'],
    ['2027-11-01', '09:00', 'Europe/Amsterdam', '2027-11-01T08:00:00.000Z'], // winter time since Sunday 31 October
    ['2027-03-16', '13:30', 'America/New_York', '2027-03-16T17:30:00.000Z'], // New York's summer time starts two weeks earlier
  ])('on %s at %s in %s: %s', (date, time, zone, instant) => {
    expect(sessionInstant(date, time, zone).toISOString()).toBe(instant);
  });

  it('takes today in the group\'s time zone', () => {
    expect(todayIn(new Date('2026-11-22T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-11-23');
    expect(todayIn(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22');
  });

  it('schedules the week across the change at 09:00 local each day', () => {
    const group = { id: 'g', plannedWeeks: 2, schedule: { days: MON_THU, startTime: '09:00', timeZone: 'Europe/Amsterdam' } };
    const plan = makePlan(group, ctx('2027-03-22'));
    expect(plan.weeks.map((w) => w.dates)).toEqual([
      ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25'],
      ['2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'], // Tweede paasdag on Monday 29 March
    ]);
    expect(plannedSession(plan, group.schedule, 1, 4)!.at.toISOString()).toBe('2027-03-25T08:00:00.000Z');
    expect(plannedSession(plan, group.schedule, 2, 1)!.at.toISOString()).toBe('2027-03-30T07:00:00.000Z');
    // After week 1's last session, the next to schedule is week 2, in summer time.
    expect(upcomingSessions(plan, group.schedule, new Date('2027-03-25T08:00:00Z')).map((s) => `${s.week}.${s.day} ${s.at.toISOString()}`)).toEqual([
      '2.1 2027-03-30T07:00:00.000Z',
      '2.2 2027-03-31T07:00:00.000Z',
      '2.3 2027-04-01T07:00:00.000Z',
      '2.4 2027-04-02T07:00:00.000Z',
    ]);
  });
});

function ctx(today: string, startedWeeks = 0): PlanContext {
  return { today, startedWeeks, holidays: NL, at: `${today}T08:00:00.000Z` };
}

describe('skipping and moving a week', () => {
  const group = { id: 'g', plannedWeeks: 4, schedule: { days: MON_THU, startTime: '09:00', timeZone: 'Europe/Amsterdam' } };
  const plan = makePlan(group, ctx('2026-11-23'));
  const starts = (p: typeof plan) => p.weeks.map((w) => w.dates[0]);

  it('makes the planned weeks ahead', () => {
    expect(starts(plan)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
  });

  it('skipping a week shifts it and the rest of the plan on, keeping the number of weeks; twice is once', () => {
    const skipped = skipWeek(plan, group, ctx('2026-11-24', 1), 2, '2026-11-30');
    expect(skipped).toMatchObject({ ok: true, changed: true });
    const next = (skipped as { plan: typeof plan }).plan;
    expect(starts(next)).toEqual(['2026-11-23', '2026-12-07', '2026-12-14', '2026-12-21']);
    expect(next.skipped).toEqual(['2026-11-30']);
    // The same press again (a second member at once, a redelivery): nothing more.
    expect(skipWeek(next, group, ctx('2026-11-24', 1), 2, '2026-11-30')).toEqual({ ok: true, plan: next, changed: false });
  });

  it('skipping a week that already started is refused', () => {
    expect(skipWeek(plan, group, ctx('2026-11-23', 1), 1, '2026-11-23')).toEqual({ ok: false, reason: 'started' });
  });

  it('re-planning later keeps passing over the skipped week', () => {
    const skipped = (skipWeek(plan, group, ctx('2026-11-24', 1), 3, '2026-12-07') as { plan: typeof plan }).plan;
    const moved = moveWeek(skipped, group, ctx('2026-11-24', 1), 2, '2026-11-30', '2026-12-01');
    expect(moved).toMatchObject({ ok: true, changed: true });
    expect(starts((moved as { plan: typeof plan }).plan)).toEqual(['2026-11-23', '2026-12-01', '2026-12-14', '2026-12-21']);
  });

  it('moving a week to a later start date pulls the weeks after it along', () => {
    const moved = moveWeek(plan, group, ctx('2026-11-24', 1), 2, '2026-11-30', '2026-12-08');
    expect(moved).toMatchObject({ ok: true, changed: true });
    const next = (moved as { plan: typeof plan }).plan;
    expect(next.weeks[1]!.dates).toEqual(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    expect(starts(next)).toEqual(['2026-11-23', '2026-12-08', '2026-12-14', '2026-12-21']);
    // Pressed again: the week is already there.
    expect(moveWeek(next, group, ctx('2026-11-24', 1), 2, '2026-11-30', '2026-12-08')).toEqual({ ok: true, plan: next, changed: false });
  });

  it.each([
    ['not a date', '8 december', 'invalidDate'],
    ['a date in the past', '2026-11-20', 'past'],
    ['a start in the same calendar week as week 1', '2026-11-27', 'notAfterPrevious'],
    ['a Wednesday: four days do not fit in that week', '2026-12-09', 'doesNotFit'],
    ['a start on Christmas Day 2026', '2026-12-25', 'doesNotFit'],
  ])('refuses %s', (_what, date, reason) => {
    expect(moveWeek(plan, group, ctx('2026-11-24', 1), 2, '2026-11-30', date)).toEqual({ ok: false, reason });
  });

  it('refuses a change made from a card that showed an older plan', () => {
    expect(moveWeek(plan, group, ctx('2026-11-24', 1), 2, '2026-11-23', '2026-12-08')).toEqual({ ok: false, reason: 'changedMeanwhile' });
    expect(skipWeek(plan, group, ctx('2026-11-24', 1), 2, '2026-12-07')).toEqual({ ok: false, reason: 'changedMeanwhile' });
  });
});

describe('the plan follows the group\'s settings', () => {
  const group = { id: 'g', plannedWeeks: 3, schedule: { days: MON_THU, startTime: '09:00', timeZone: 'Europe/Amsterdam' } };
  const plan = makePlan(group, ctx('2026-11-23'));

  it('changes nothing while the settings are the same', () => {
    expect(reconcilePlan(plan, group, ctx('2026-11-24', 1))).toBe(plan);
  });

  it('re-plans only the weeks not yet started when the days or the number of weeks change', () => {
    const tueFri = { ...group, plannedWeeks: 4, schedule: { ...group.schedule, days: [2, 3, 4, 5] as Weekday[] } };
    const next = reconcilePlan(plan, tueFri, ctx('2026-11-24', 1));
    expect(next.weeks.map((w) => w.dates[0])).toEqual(['2026-11-23', '2026-12-01', '2026-12-08', '2026-12-15']);
    expect(next.basis).toEqual({ days: [2, 3, 4, 5], plannedWeeks: 4, region: 'NL' });
  });

  it('goes on past the planned weeks when the group starts one more', () => {
    const more = extendPlan(plan, group, ctx('2026-12-08', 3), 4);
    expect(more.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4]);
    expect(more.weeks[3]!.dates[0]).toBe('2026-12-14');
    expect(extendPlan(more, group, ctx('2026-12-08', 3), 4)).toBe(more);
  });
});

describe('no session is planned at a moment already past', () => {
  const group = { id: 'g', plannedWeeks: 2, schedule: { days: MON_THU, startTime: '09:00', timeZone: 'Europe/Amsterdam' } };
  const at = (iso: string, startedWeeks = 0): PlanContext => ({ today: iso.slice(0, 10), startedWeeks, holidays: NL, at: iso });

  it('takes today until its start time has passed, tomorrow after it', () => {
    expect(makePlan(group, at('2026-11-23T08:00:00.000Z')).weeks[0]!.dates[0]).toBe('2026-11-23'); // 09:00 in Amsterdam
    expect(makePlan(group, at('2026-11-23T08:00:01.000Z')).weeks[0]!.dates).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(makePlan(group, at('2026-11-24T08:00:01.000Z')).weeks[0]!.dates[0]).toBe('2026-11-30'); // Tuesday-Friday no longer fits
  });

  it('refuses a move to today once today\'s start time has passed', () => {
    const plan = makePlan(group, at('2026-11-28T10:00:00.000Z'));
    expect(moveWeek(plan, group, at('2026-11-30T07:00:00.000Z'), 1, '2026-11-30', '2026-12-01')).toMatchObject({ ok: true, changed: true });
    const moved = (moveWeek(plan, group, at('2026-11-28T10:00:00.000Z'), 1, '2026-11-30', '2026-12-08') as { plan: typeof plan }).plan;
    expect(moveWeek(moved, group, at('2026-12-01T07:59:00.000Z'), 1, '2026-12-08', '2026-12-01')).toMatchObject({ ok: true, changed: true });
    expect(moveWeek(moved, group, at('2026-12-01T08:01:00.000Z'), 1, '2026-12-08', '2026-12-01')).toEqual({ ok: false, reason: 'past' });
  });

  it('plans a week that passed unheld again from the earliest day, keeping the number of weeks', () => {
    const plan = makePlan(group, at('2026-11-19T12:00:00.000Z'));
    expect(catchUpPlan(plan, group, at('2026-11-23T07:59:00.000Z'))).toBe(plan); // Monday's session still ahead
    expect(catchUpPlan(plan, group, at('2026-11-23T08:00:00.000Z'))).toBe(plan); // at its start: it may be started by hand
    const caughtUp = catchUpPlan(plan, group, at('2026-11-26T08:01:00.000Z'));
    expect(caughtUp.weeks.map((w) => w.dates[0])).toEqual(['2026-11-30', '2026-12-07']);
    // Thursday's session is still ahead, but a week opened on its Thursday would hold day 1 there and never its last day.
    expect(catchUpPlan(plan, group, at('2026-11-26T07:00:00.000Z')).weeks.map((w) => w.dates[0])).toEqual(['2026-11-30', '2026-12-07']);
    // Monday passed unheld: a Monday-Thursday group runs Tuesday to Friday, all four days.
    expect(catchUpPlan(plan, group, at('2026-11-23T09:00:00.000Z')).weeks[0]!.dates).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
  });
});
