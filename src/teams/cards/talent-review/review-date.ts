import { DateTime } from 'luxon';
import { Locale } from '../../../i18n/i18n';

/**
 * A conversation or poll date as people say it: "do 10 december" (nl), "Thu 10 December" (en).
 * Given `today` (yyyy-mm-dd, in the organisation's time zone), a date in another year says its
 * year, "ma 1 december 2025": a conversation of a year ago would read like one next week, with
 * the weekday of the wrong year.
 */
export function reviewDate(isoDate: string, locale: Locale, today?: string): string {
  const day = DateTime.fromISO(isoDate.slice(0, 10));
  if (!day.isValid) return isoDate;
  const otherYear = today !== undefined && today.slice(0, 4) !== String(day.year);
  return day.setLocale(locale === 'nl' ? 'nl' : 'en-GB').toFormat(otherYear ? 'ccc d LLLL yyyy' : 'ccc d LLLL');
}
