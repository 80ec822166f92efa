import { DateTime } from 'luxon';
import { Locale } from '../../../i18n/i18n';
import { POLL_TIME_ZONE } from '../../../domain/pulse-poll/poll';

/** "vrijdag 4 december" / "Friday 4 December", from a local yyyy-mm-dd date. */
export function displayDate(isoDate: string, locale: Locale): string {
  return DateTime.fromISO(isoDate, { zone: POLL_TIME_ZONE }).setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB').toFormat('cccc d LLLL');
}

/** A change in points: +3, −2, ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '±0';
}
