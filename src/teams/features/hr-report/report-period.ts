import { DateTime } from 'luxon';
import { dateAt, UNTIL_WORDS } from '../../../domain/pulse-poll/closing-date';

const FROM_WORDS = new Set(['van', 'from']);
/** "tot 2026-06-30", "t/m 30-6-2026": the words the poll command reads before its closing date. */
const TO_WORDS = UNTIL_WORDS;
/** "tot en met" written out, as the report's own title writes it: read as its abbreviation "t/m". */
const TOT_EN_MET = /(^|\s)tot\s+en\s+met(?=\s|$)/gi;

/** The words of a period as typed, with "tot en met" as one word. */
function periodWords(args: string): string[] {
  return args.replace(TOT_EN_MET, '$1t/m').trim().split(/\s+/).filter(Boolean);
}

/**
 * The period HR asked for after "rapport": no date is the default period, one date runs from that
 * date to today, two dates are from and to. A date is read as the poll command reads its closing
 * date (2026-01-01, 1-1-2026, 1 januari 2026; dateAt), one without a year as the last such day up
 * to today: a report looks back. Anything else (a third date, a date that is no date, "tot"
 * without a start, a word we do not know) is undefined, so the caller shows the usage instead of
 * quietly reporting another period than the one typed.
 */
export function reportPeriod(args: string, today: string, fallback: { from: string; to: string }): { from: string; to: string } | undefined {
  const words = periodWords(args);
  const dates: string[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i]!.toLowerCase();
    const found = dateAt(words, i, today, 'last');
    if (found && !found.ok) return undefined;
    if (found) {
      dates.push(found.date);
      i = found.end;
      continue;
    }
    // "tot 2026-06-30" alone names an end but no start: we do not guess one.
    if (!FROM_WORDS.has(word) && !(TO_WORDS.has(word) && dates.length === 1)) return undefined;
    i++;
  }
  if (dates.length === 0) return fallback;
  if (dates.length === 1) return { from: dates[0]!, to: today };
  if (dates.length === 2) return { from: dates[0]!, to: dates[1]! };
  return undefined;
}

/**
 * The first word of a refused period that neither starts a date (one that is no date included)
 * nor is a word a period knows ("van", "tot", "t/m"...), as typed: said back to HR, since the
 * usage line alone does not show which word it stumbled on. Undefined when every word is known
 * (the period was refused for its shape: a date that is no date, "tot" without a start, a third
 * date), where the usage shows it.
 */
export function unknownPeriodWord(args: string): string | undefined {
  const words = periodWords(args);
  // Any day serves: which words make a date does not depend on it, only whether that date exists.
  const anyDay = '2000-01-01';
  for (let i = 0; i < words.length; ) {
    const found = dateAt(words, i, anyDay);
    if (found) {
      i = found.end;
      continue;
    }
    const word = words[i]!;
    if (!FROM_WORDS.has(word.toLowerCase()) && !TO_WORDS.has(word.toLowerCase())) return word;
    i++;
  }
  return undefined;
}

/** Why a period of well-formed dates is refused: the end before the start (one date after today), or more than two years. */
export type PeriodRefusal = 'endBeforeStart' | 'afterToday' | 'tooLong';

/**
 * The reason a period of valid dates is refused, by the rule the report refuses it by (checkPeriod
 * in usecases/hr-report), to say next to the usage: HR typed the dates as the usage shows, so the
 * usage alone does not tell them what was wrong. Undefined when the period is not refused for that.
 * A start after today with today as the end is what one date in the future becomes.
 */
export function periodRefusal(period: { from: string; to: string }, today: string): PeriodRefusal | undefined {
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  if (!from.isValid || !to.isValid) return undefined;
  if (to < from) return period.to === today && period.from > today ? 'afterToday' : 'endBeforeStart';
  if (to.diff(from, 'years').years > 2) return 'tooLong';
  return undefined;
}
