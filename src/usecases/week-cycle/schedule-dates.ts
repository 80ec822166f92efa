import { DateTime } from 'luxon';
import { GroupSchedule } from '../../domain/week-cycle/group';
import { sessionInstant } from '../../domain/week-cycle/rhythm';

/**
 * The next four session dates on the group's weekdays from a moment, today included.
 * @deprecated Cycles take their dates from the group's plan (domain/week-cycle/plan.ts): starting
 * from "today" gave week 2, started right after week 1, week 1's dates again. Kept only for its
 * existing test; nothing in the app calls it.
 */
export function nextSessionDates(schedule: GroupSchedule, from: Date): string[] {
  let day = DateTime.fromJSDate(from, { zone: schedule.timeZone }).startOf('day');
  const dates: string[] = [];
  for (let i = 0; dates.length < 4 && i < 28; i++, day = day.plus({ days: 1 })) {
    if (schedule.days.includes(day.weekday as never)) dates.push(day.toISODate()!);
  }
  return dates;
}

/** The moment a session on `isoDate` starts, as an instant. */
export function sessionStartInstant(schedule: GroupSchedule, isoDate: string): Date {
  return sessionInstant(isoDate, schedule.startTime, schedule.timeZone);
}
