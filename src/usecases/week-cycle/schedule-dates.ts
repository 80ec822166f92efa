import { DateTime } from 'luxon';
import { GroupSchedule } from '../../domain/week-cycle/group';

/**
 * The next four session dates on the group's weekdays, in the group's time zone, starting today
 * when today is a session day: a group that starts its week now usually holds session 1 right away.
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
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  return DateTime.fromISO(isoDate, { zone: schedule.timeZone }).set({ hour, minute }).toJSDate();
}
