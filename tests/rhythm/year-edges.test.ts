import { DateTime } from 'luxon';
import { Weekday } from '../../src/domain/week-cycle/group';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { makePlan, PlanContext, plannedSession, skipWeek, moveWeek } from '../../src/domain/week-cycle/plan';
import { planWeeks, sessionInstant, mondayOf, firstPlannableDay, todayIn } from '../../src/domain/week-cycle/rhythm';
import { closingInstant, reminderInstants, daysLeft, ReminderPoint } from '../../src/domain/pulse-poll/poll';
import { findClosingDate } from '../../src/domain/pulse-poll/closing-date';
import { parseStartArgs } from '../../src/domain/pulse-poll/poll-command';
import { plannedPrepAt, planReview } from '../../src/domain/talent-review/review';
import { handoverWeek } from '../../src/domain/learning-needs/learning-need';
import { defaultPeriod } from '../../src/usecases/hr-report/hr-report';

/**
 * The calendar around the turn of 2026 (ISO week 53), DST, leap years and public holidays: plans,
 * poll closing dates and reminders (never on a weekend or holiday; "1 day before" stays before
 * the close), dates typed without a year, prep times, ISO week labels and report periods.
 */
const NL = holidayCalendar('NL');
const AMS = 'Europe/Amsterdam';
const MON_THU: Weekday[] = [1, 2, 3, 4];
const DEFAULT_POINTS: ReminderPoint[] = [{ kind: 'share', percent: 50 }, { kind: 'daysBefore', days: 1 }];
const isoWeek = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).toFormat("kkkk-'W'WW");
const weekday = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).weekday;
const ctx = (today: string, at: string, startedWeeks = 0): PlanContext => ({ today, startedWeeks, holidays: NL, at });
const localDay = (iso: string, zone = AMS) => DateTime.fromISO(iso).setZone(zone);

describe('plans across the year boundary and ISO week 53', () => {
  it('a 52-week plan from Monday 28 December 2026 (ISO 2026-W53) crosses two year ends, one week per calendar week, week 53 once', () => {
    const group = { id: 'g', plannedWeeks: 52, schedule: { days: MON_THU, startTime: '09:00', timeZone: AMS } };
    const plan = makePlan(group, ctx('2026-12-28', '2026-12-28T07:00:00.000Z'));
    expect(plan.weeks).toHaveLength(52);
    expect(plan.weeks.map((w) => w.week)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(plan.weeks[0]!.dates).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    const labels = plan.weeks.map((w) => isoWeek(w.dates[0]!));
    expect(new Set(labels).size).toBe(52);
    expect(labels.filter((l) => l === '2026-W53')).toHaveLength(1);
    for (const w of plan.weeks) {
      expect(new Set(w.dates.map(isoWeek)).size).toBe(1);
      for (const d of w.dates) {
        expect(NL.isHoliday(d)).toBe(false);
        expect(weekday(d)).toBeLessThanOrEqual(5);
      }
    }
    // Koningsdag (Tue 27 Apr 2027) and Hemelvaart (Thu 6 May 2027) weeks passed over: the 52nd week lands in 2028.
    expect(plan.weeks[51]!.dates[0]! >= '2028-01-01').toBe(true);
    expect(labels).not.toContain('2027-W17');
    expect(labels).not.toContain('2027-W18');
  });

  it('a Tuesday-Friday group in week 53 (Nieuwjaarsdag on Friday) runs Monday-Thursday 28-31 December', () => {
    expect(planWeeks(1, 1, '2026-12-28', { days: [2, 3, 4, 5], holidays: NL })[0]!.dates).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('skipping week 53 moves the week to 4-7 January 2027, and moving it back into week 53 works', () => {
    const group = { id: 'g', plannedWeeks: 3, schedule: { days: MON_THU, startTime: '09:00', timeZone: AMS } };
    const c = ctx('2026-12-21', '2026-12-21T12:00:00.000Z');
    const plan = makePlan(group, c);
    expect(plan.weeks.map((w) => w.dates[0])).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    const skipped = skipWeek(plan, group, c, 1, '2026-12-28');
    expect(skipped.ok && skipped.plan.weeks.map((w) => w.dates[0])).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    // Tue 29 Dec - Fri 1 Jan hits Nieuwjaarsdag: a move to Tuesday 29 December is refused, never planned on the holiday.
    const tue = skipped.ok ? moveWeek(skipped.plan, group, c, 1, '2027-01-04', '2026-12-29') : undefined;
    expect(tue).toEqual({ ok: false, reason: 'doesNotFit' });
    const mon = skipped.ok ? moveWeek(skipped.plan, group, c, 1, '2027-01-04', '2026-12-28') : undefined;
    expect(mon && mon.ok && mon.plan.weeks.map((w) => w.dates[0])).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(mon && mon.ok && mon.plan.skipped).toEqual([]);
  });

  it('leap year 2028: a week over 29 February is planned and starts at 09:00 local', () => {
    expect(planWeeks(1, 1, '2028-02-28', { days: MON_THU, holidays: NL })[0]!.dates).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02']);
    expect(sessionInstant('2028-02-29', '09:00', AMS).toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(mondayOf('2028-02-29')).toBe('2028-02-28');
  });

  it('a Sunday session at 02:30 on the spring-forward day (28 March 2027) gets a real instant, not one an hour early or invalid', () => {
    const at = sessionInstant('2027-03-28', '02:30', AMS);
    expect(Number.isNaN(at.getTime())).toBe(false);
    // 02:30 does not exist; the session should not start before 03:00 CEST (01:00Z), nor on Saturday.
    expect(at.getTime()).toBeGreaterThanOrEqual(Date.parse('2027-03-28T01:00:00Z'));
    expect(localDay(at.toISOString()).toISODate()).toBe('2027-03-28');
  });

  it('a Sunday session at 02:30 on the fall-back day (25 October 2026) gets one instant on that day', () => {
    const at = sessionInstant('2026-10-25', '02:30', AMS);
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(at.toISOString());
  });

  it('a group in New York set up at 04:30Z on 28 Dec (23:30 on the 27th there) plans week 1 from 28 December', () => {
    const now = new Date('2026-12-28T04:30:00Z');
    const today = todayIn(now, 'America/New_York');
    expect(today).toBe('2026-12-27');
    // 09:00 on the 27th has passed there: the first plannable day is the 28th.
    expect(firstPlannableDay(today, now, '09:00', 'America/New_York')).toBe('2026-12-28');
    const group = { id: 'g', plannedWeeks: 2, schedule: { days: MON_THU, startTime: '09:00', timeZone: 'America/New_York' } };
    const plan = makePlan(group, ctx(today, now.toISOString()));
    expect(plan.weeks[0]!.dates[0]).toBe('2026-12-28');
    expect(plannedSession(plan, group.schedule, 1, 1)!.at.toISOString()).toBe('2026-12-28T14:00:00.000Z');
  });
});

describe('B3 poll dates around the year end', () => {
  it('closing on 31 December: closes at midnight local and every reminder falls in 2026', () => {
    const now = new Date('2026-12-03T09:00:00Z');
    const closesAt = closingInstant('2026-12-31', now, AMS);
    expect(closesAt.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    const r = reminderInstants(now, '2026-12-31', closesAt, DEFAULT_POINTS, AMS, NL);
    expect(r).toHaveLength(2);
    for (const i of r) expect(localDay(i).year).toBe(2026);
    expect(daysLeft({ closesOn: '2026-12-31' }, new Date('2026-12-31T22:59:00Z'), AMS)).toBe(1);
  });

  it('attack: the "1 day before" reminder of a poll closing Saturday 2 January 2027 is not posted on Nieuwjaarsdag', () => {
    const now = new Date('2026-12-28T08:00:00Z');
    const closesAt = closingInstant('2027-01-02', now, AMS);
    const r = reminderInstants(now, '2027-01-02', closesAt, DEFAULT_POINTS, AMS, NL);
    expect(r.map((i) => localDay(i).toISODate()).filter((d) => NL.isHoliday(d!))).toEqual([]);
    // The working day before: Thursday 31 December.
    expect(r.map((i) => localDay(i).toISODate())).toContain('2026-12-31');
  });

  it('attack: the "1 day before" reminder of a poll closing Saturday 26 December 2026 is not posted on Kerstmis', () => {
    const now = new Date('2026-12-14T08:00:00Z');
    const closesAt = closingInstant('2026-12-26', now, AMS);
    const r = reminderInstants(now, '2026-12-26', closesAt, DEFAULT_POINTS, AMS, NL);
    expect(r.map((i) => localDay(i).toISODate()).filter((d) => NL.isHoliday(d!))).toEqual([]);
  });

  it('attack: a poll closing on a Sunday keeps its "1 day before" reminder, on the Friday (it went to Monday, after the close, and was dropped)', () => {
    const now = new Date('2027-01-04T08:00:00Z');
    const closesAt = closingInstant('2027-01-10', now, AMS);
    const r = reminderInstants(now, '2027-01-10', closesAt, DEFAULT_POINTS, AMS, NL);
    expect(r).toHaveLength(2);
    expect(localDay(r[1]!).toISODate()).toBe('2027-01-08');
  });

  it('guard: a poll closing on Sunday 3 January 2027 (Nieuwjaarsdag on the Friday) still gets a reminder before it closes, on a working day', () => {
    const now = new Date('2026-12-28T08:00:00Z');
    const closesAt = closingInstant('2027-01-03', now, AMS);
    const r = reminderInstants(now, '2027-01-03', closesAt, DEFAULT_POINTS, AMS, NL);
    expect(r.map((i) => localDay(i).toISODate())).toEqual(['2026-12-31']);
  });

  it('a closing date without a year typed on 28 December ("4 jan") is 4 January 2027', () => {
    const p = parseStartArgs('dit team 4 jan', '2026-12-28');
    expect(p.ok && p.request.closesOn).toBe('2027-01-04');
    const p2 = parseStartArgs('dit team 04-01', '2026-12-28');
    expect(p2.ok && p2.request.closesOn).toBe('2027-01-04');
  });

  it('attack: "29 feb" typed on 31 December 2027 is the next 29 February (2028), which is within the 60 days', () => {
    const found = findClosingDate(['29', 'feb'], '2027-12-31');
    expect(found).toMatchObject({ ok: true, date: '2028-02-29' });
    expect(() => closingInstant('2028-02-29', new Date('2027-12-31T08:00:00Z'), AMS)).not.toThrow();
  });
});

describe('talent review prep cards across the calendar', () => {
  const base = { managerId: 'm', reportId: 'r', reportName: 'R', timeZone: AMS, conversationRef: {} };

  it('prep card 09:00 across the DST change (conversation Thu 1 April 2027, 2 days before: Tue 30 March, summer time)', () => {
    const review = planReview({ ...base, date: '2027-04-01', prepDaysBefore: 2 }, new Date('2026-12-03T10:00:00Z'));
    expect(plannedPrepAt(review, holidayCalendar('NL')).toISOString()).toBe('2027-03-30T07:00:00.000Z');
  });

  it('a conversation on 29 February 2028 can be planned a year ahead from 1 March 2027', () => {
    expect(() => planReview({ ...base, date: '2028-02-29', prepDaysBefore: 3 }, new Date('2027-03-01T10:00:00Z'))).not.toThrow();
  });
});

describe('ISO week labels and periods around the year end', () => {
  it('a handover on Friday 1 January 2027 belongs to 2026-W53, from Monday 28 December', () => {
    expect(handoverWeek(new Date('2027-01-01T10:00:00Z'), AMS)).toEqual({ week: '2026-W53', weekStart: '2026-12-28' });
    expect(handoverWeek(new Date('2027-01-04T10:00:00Z'), AMS)).toEqual({ week: '2027-W01', weekStart: '2027-01-04' });
    expect(handoverWeek(new Date('2027-12-31T10:00:00Z'), AMS)).toEqual({ week: '2027-W52', weekStart: '2027-12-27' });
  });

  it('the default report period on 29 February 2028 and on 31 August 2027 is six months', () => {
    expect(defaultPeriod(new Date('2028-02-29T10:00:00Z'), AMS)).toEqual({ from: '2027-08-30', to: '2028-02-29' });
    expect(defaultPeriod(new Date('2027-08-31T10:00:00Z'), AMS)).toEqual({ from: '2027-03-01', to: '2027-08-31' });
  });
});
