import { DateTime } from 'luxon';

/** A session date as people read it: "ma 30 nov" / "Mon 30 Nov". */
export function shortDate(iso: string, language: string): string {
  return DateTime.fromISO(iso).setLocale(language).toFormat('ccc d LLL');
}

/**
 * A planned week's days, first to last: "ma 30 nov – do 3 dec", with the year of its last day
 * ("... do 31 dec 2026") where the list it is in spans more than one year (`withYear`).
 */
export function weekSpan(dates: readonly string[], language: string, withYear = false): string {
  if (!dates.length) return '';
  const last = dates[dates.length - 1]!;
  return `${shortDate(dates[0]!, language)} – ${shortDate(last, language)}${withYear ? ` ${last.slice(0, 4)}` : ''}`;
}

/** Whether a list of weeks runs into more than one calendar year (its dates then need their year). */
export function spansYears(weeks: readonly { dates: readonly string[] }[]): boolean {
  return new Set(weeks.flatMap((w) => w.dates.map((d) => d.slice(0, 4)))).size > 1;
}
