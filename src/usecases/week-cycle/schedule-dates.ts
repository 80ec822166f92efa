import { DateTime } from 'luxon';
import { GroupSchedule } from '../../domain/week-cycle/group';

/**
 * The next four session dates on the group's weekdays, from `from` (inclusive when today's start
 * time has not passed), in the group's time zone.
 */
export function nextSessionDates(schedule: GroupSchedule, from: Date): string[] {
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  let day = DateTime.fromJSDate(from, { zone: schedule.timeZone }).startOf('day');
  const nowLocal = DateTime.fromJSDate(from, { zone: schedule.timeZone });
  const dates: string[] = [];
  for (let i = 0; dates.length < 4 && i < 28; i++, day = day.plus({ days: 1 })) {
    if (!schedule.days.includes(day.weekday as never)) continue;
    if (day.set({ hour, minute }) < nowLocal && dates.length === 0 && i === 0) continue;
    dates.push(day.toISODate()!);
  }
  return dates;
}

/** The moment a session on `isoDate` starts, as an instant. */
export function sessionStartInstant(schedule: GroupSchedule, isoDate: string): Date {
  const [hour, minute] = schedule.startTime.split(':').map(Number) as [number, number];
  return DateTime.fromISO(isoDate, { zone: schedule.timeZone }).set({ hour, minute }).toJSDate();
}
