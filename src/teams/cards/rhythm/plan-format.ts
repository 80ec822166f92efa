import { DateTime } from 'luxon';

/** A session date as people read it: "ma 30 nov" / "Mon 30 Nov". */
export function shortDate(iso: string, language: string): string {
  return DateTime.fromISO(iso).setLocale(language).toFormat('ccc d LLL');
}

/** A planned week's days, first to last: "ma 30 nov – do 3 dec". */
export function weekSpan(dates: readonly string[], language: string): string {
  if (!dates.length) return '';
  return `${shortDate(dates[0]!, language)} – ${shortDate(dates[dates.length - 1]!, language)}`;
}
