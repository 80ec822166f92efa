import { DateTime } from 'luxon';

/** How far a day off moves at most: the longest run of days off (a weekend with holidays beside it) is far shorter. */
const MAX_DAYS_MOVED = 14;

/**
 * The day itself when it is a working day (Monday to Friday, not a public holiday), else the
 * nearest working day in `direction` (1: after, -1: before). The time of day stays as it was.
 */
export function workingDayFrom<Valid extends boolean>(day: DateTime<Valid>, isHoliday: (isoDate: string) => boolean, direction: 1 | -1): DateTime<Valid> {
  let d = day;
  for (let i = 0; i < MAX_DAYS_MOVED && (d.weekday >= 6 || isHoliday(d.toISODate()!)); i++) d = d.plus({ days: direction });
  return d;
}
