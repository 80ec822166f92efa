import { DateTime } from 'luxon';

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS = new Set([
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

export type DateFound =
  /** Words [start, end) of the input held the date. */
  | { ok: true; date: string; start: number; end: number }
  /** Something that looks like a date but is not one (31-02-2026, 12/31/2026, 2026-13-01). */
  | { ok: false; words: string; start: number };

const clean = (w: string) => w.toLowerCase().replace(/[.,]$/, '');

/** A valid calendar day as yyyy-mm-dd; with no year, the first such day from today on. */
function isoDay(day: number, month: number, year: number | undefined, today: string): string | undefined {
  // Calendar days only: any one zone gives the same dates, and UTC has no daylight-saving gaps.
  const base = DateTime.fromISO(today, { zone: 'utc' });
  const make = (y: number) => DateTime.fromObject({ year: y, month, day }, { zone: 'utc' });
  if (year !== undefined) {
    const d = make(year < 100 ? 2000 + year : year);
    return d.isValid ? d.toISODate()! : undefined;
  }
  // The next such day from today: this year's, else next year's (29 February: the next leap year's within reach).
  const next = [make(base.year), make(base.year + 1)].find((d) => d.isValid && d >= base.startOf('day'));
  return next?.toISODate() ?? undefined;
}

/**
 * Finds the closing date among the words of a command: 2026-12-31 (the documented form), Dutch
 * 31-12-2026, 31/12/2026 or 31.12.2026, "31 december 2026" or "31 dec" (English month names
 * too), optionally after a weekday. Undefined when nothing looks like a date.
 */
export function findClosingDate(words: string[], today: string): DateFound | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = clean(words[i]!);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(w);
    const dutch = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(w);
    const day = /^(\d{1,2})$/.exec(w);
    const start = i > 0 && WEEKDAYS.has(clean(words[i - 1]!)) ? i - 1 : i;
    if (iso) {
      const date = isoDay(Number(iso[3]), Number(iso[2]), Number(iso[1]), today);
      return date ? { ok: true, date, start, end: i + 1 } : { ok: false, words: words[i]!, start };
    }
    if (dutch) {
      const date = isoDay(Number(dutch[1]), Number(dutch[2]), dutch[3] ? Number(dutch[3]) : undefined, today);
      return date ? { ok: true, date, start, end: i + 1 } : { ok: false, words: words[i]!, start };
    }
    const month = MONTHS[clean(words[i + 1] ?? '')];
    if (day && month) {
      const year = /^\d{4}$/.test(clean(words[i + 2] ?? '')) ? Number(clean(words[i + 2]!)) : undefined;
      const end = i + (year === undefined ? 2 : 3);
      const date = isoDay(Number(day[1]), month, year, today);
      return date ? { ok: true, date, start, end } : { ok: false, words: words.slice(i, end).join(' '), start };
    }
  }
  return undefined;
}
