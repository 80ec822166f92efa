import { DateTime } from 'luxon';
import { Language } from '../../../domain/framework/framework';
import { Translate } from '../../../i18n/i18n';

/**
 * Dates and weeks of the HR report as people read them ("30 jun. 2026", "week 23 van 2026"):
 * the card and the readable summary. The CSV keeps ISO dates and weeks, for spreadsheets.
 */
export function reportDate(isoDate: string, language: Language): string {
  // A calendar date, not an instant: read in UTC, so the day never shifts.
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  return date.isValid ? date.setLocale(language === 'nl' ? 'nl-NL' : 'en-GB').toFormat('d LLL yyyy') : isoDate;
}

/** An ISO week ("2026-W23") in words. */
export function reportWeek(isoWeek: string, t: Translate): string {
  const week = DateTime.fromISO(isoWeek, { zone: 'utc' });
  return week.isValid ? t('hrReport.week', { week: week.weekNumber, year: week.weekYear }) : isoWeek;
}
