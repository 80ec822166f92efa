import { DateTime } from 'luxon';
import { Locale } from '../../../i18n/i18n';
import { Poll } from '../../../domain/pulse-poll/poll';

/** "vrijdag 4 december" / "Friday 4 December", from a local yyyy-mm-dd date. */
export function displayDate(isoDate: string, locale: Locale): string {
  // A calendar date, not an instant: read in UTC, so the day never shifts.
  return DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB').toFormat('cccc d LLLL');
}

/** How a closed poll ended, for the cards: by its date (the last day answers were taken) or early by HR (the day it happened). */
export function closedAs(poll: Pick<Poll, 'closedBy' | 'closedOn' | 'closesOn' | 'language'>): { by: 'date' | 'hr'; label: string } {
  const by = poll.closedBy ?? 'date';
  return { by, label: displayDate(by === 'hr' && poll.closedOn ? poll.closedOn : poll.closesOn, poll.language) };
}

/** A change in points: +3, −2, ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '±0';
}

/** A mean on the 1-5 scale with two decimals, the way the reader writes numbers ("4,25" / "4.25"). */
export function decimal(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}
