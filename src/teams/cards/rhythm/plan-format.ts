import { DateTime } from 'luxon';
import { FollowingWeeks } from '../../../domain/week-cycle/plan';
import { Translate } from '../../../i18n/i18n';

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

/**
 * One sentence on what a plan change did to the weeks after the changed one: all shifted on, none,
 * or which did (a week someone moved stays put). Empty when that is not known, or no week follows.
 */
export function followingSentence(following: FollowingWeeks | undefined, language: string, t: Translate): string {
  if (!following || (!following.shifted.length && !following.stayed.length)) return '';
  if (!following.stayed.length) return t('rhythm.following.all');
  if (!following.shifted.length) return t('rhythm.following.none');
  const weeks = new Intl.ListFormat(language, { type: 'conjunction' }).format(following.shifted.map(String));
  return t('rhythm.following.some', { count: following.shifted.length, weeks });
}

/** A text with an optional sentence in it (`followingSentence`): no double or trailing space where it is empty. */
export function tidy(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}
