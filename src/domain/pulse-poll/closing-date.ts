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
  /** Something that looks like a date but is not one (31-02-2026, 12/31/2026, 2026-13-01), in words [start, end). */
  | { ok: false; words: string; start: number; end: number };

/** Which of two such days a date typed without a year means: the next from today on, or the last up to today. */
export type YearlessDay = 'next' | 'last';

/**
 * The words that join a date to what stands before it: "tot 18 december", "t/m 18-12", "until",
 * "to" ("tot en met" is three words: see untilWordsBefore). A report's period reads them too.
 */
export const UNTIL_WORDS: ReadonlySet<string> = new Set(['tot', 'to', 'until', 'through', 't/m', 'tm', '-', '–']);

const clean = (w: string) => w.toLowerCase().replace(/[.,]$/, '');

/** A valid calendar day as yyyy-mm-dd; with no year, the next such day from today on (or the last up to today). */
function isoDay(day: number, month: number, year: number | undefined, today: string, yearless: YearlessDay): string | undefined {
  // Calendar days only: any one zone gives the same dates, and UTC has no daylight-saving gaps.
  const base = DateTime.fromISO(today, { zone: 'utc' }).startOf('day');
  const make = (y: number) => DateTime.fromObject({ year: y, month, day }, { zone: 'utc' });
  if (year !== undefined) {
    const d = make(year < 100 ? 2000 + year : year);
    return d.isValid ? d.toISODate()! : undefined;
  }
  // This year's, else next (or last) year's (29 February: the leap year's within reach).
  const candidates = yearless === 'next' ? [make(base.year), make(base.year + 1)] : [make(base.year), make(base.year - 1)];
  const found = candidates.find((d) => d.isValid && (yearless === 'next' ? d >= base : d <= base));
  return found?.toISODate() ?? undefined;
}

/** The day, month and year typed in words [at, end), or undefined when word `at` starts no date. */
function dateWordsAt(words: string[], at: number): { day: number; month: number; year?: number; end: number } | undefined {
  const w = clean(words[at] ?? '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(w);
  if (iso) return { day: Number(iso[3]), month: Number(iso[2]), year: Number(iso[1]), end: at + 1 };
  const dutch = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(w);
  if (dutch) return { day: Number(dutch[1]), month: Number(dutch[2]), ...(dutch[3] ? { year: Number(dutch[3]) } : {}), end: at + 1 };
  const day = /^(\d{1,2})$/.exec(w);
  const month = MONTHS[clean(words[at + 1] ?? '')];
  if (!day || !month) return undefined;
  const year = /^\d{4}$/.test(clean(words[at + 2] ?? '')) ? Number(clean(words[at + 2]!)) : undefined;
  return { day: Number(day[1]), month, ...(year === undefined ? {} : { year }), end: at + (year === undefined ? 2 : 3) };
}

/**
 * The date whose words start at word `index`, optionally a weekday first: 2026-12-31 (the
 * documented form), Dutch 31-12-2026, 31/12/2026 or 31.12.2026, "31 december 2026" or "31 dec"
 * (English month names too). Undefined when no date starts there. `today` (yyyy-mm-dd) completes
 * a date without a year: the next such day for a closing date, the last for a report's period.
 */
export function dateAt(words: string[], index: number, today: string, yearless: YearlessDay = 'next'): DateFound | undefined {
  const at = WEEKDAYS.has(clean(words[index] ?? '')) && dateWordsAt(words, index + 1) ? index + 1 : index;
  const typed = dateWordsAt(words, at);
  if (!typed) return undefined;
  const date = isoDay(typed.day, typed.month, typed.year, today, yearless);
  return date ? { ok: true, date, start: index, end: typed.end } : { ok: false, words: words.slice(at, typed.end).join(' '), start: index, end: typed.end };
}

/**
 * How many of the words just before word `index` join a date to what precedes it (UNTIL_WORDS,
 * or "tot en met" written out): 0 when none. "peiling start Zorgteam Noord tot 18 december"
 * names the team "Zorgteam Noord". A team whose name ends in such a word ("Zorg TM") is still
 * found: the start keeps both readings (poll-command.ts), and may be typed "in quotes".
 */
export function untilWordsBefore(words: string[], index: number): number {
  const before = (k: number) => (index - k >= 0 ? clean(words[index - k]!) : '');
  if (before(3) === 'tot' && before(2) === 'en' && before(1) === 'met') return 3;
  return UNTIL_WORDS.has(before(1)) ? 1 : 0;
}

/** Finds the closing date among the words of a command (see dateAt). Undefined when nothing looks like a date. */
export function findClosingDate(words: string[], today: string): DateFound | undefined {
  for (let i = 0; i < words.length; i++) {
    const found = dateAt(words, i, today);
    if (found) return found;
  }
  return undefined;
}
