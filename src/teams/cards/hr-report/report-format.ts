import { DateTime } from 'luxon';
import { Language } from '../../../domain/framework/framework';
import { Translate } from '../../../i18n/i18n';

/**
 * Dates, weeks and figures of the HR report as people read them ("30 jun. 2026", "week 23 van
 * 2026", "3,7"): the card and the readable summary. The CSV keeps ISO dates and weeks and plain
 * numbers, for spreadsheets.
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

/**
 * A figure of the report in the reader's notation, to a tenth: "3,7" and "22,5" in Dutch, "3.7"
 * in English. A whole figure stays whole ("4", "16"), as the report has always shown it.
 */
export function reportNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

/** A week's energy average, or that too few answered. */
export function reportAverage(average: number | undefined, t: Translate, language: Language): string {
  return typeof average === 'number' ? reportNumber(average, language) : t('hrReport.tooFew');
}

/** Every kind of line break a typed text may hold, with the spaces around it. */
const LINE_BREAKS = /\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g;

/**
 * A typed text (a proposal, a quote, a learning need) as one line of the readable summary: its
 * own line breaks would start lines that read as the summary's own (a member could so write a
 * "B3" line into the board's summary).
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').trim();
}
