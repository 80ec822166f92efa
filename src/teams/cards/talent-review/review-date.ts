import { DateTime } from 'luxon';
import { Locale } from '../../../i18n/i18n';

/** A conversation or poll date as people say it: "do 10 december" (nl), "Thu 10 December" (en). */
export function reviewDate(isoDate: string, locale: Locale): string {
  const day = DateTime.fromISO(isoDate.slice(0, 10));
  return day.isValid ? day.setLocale(locale === 'nl' ? 'nl' : 'en-GB').toFormat('ccc d LLLL') : isoDate;
}
