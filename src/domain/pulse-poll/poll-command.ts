import { Language } from '../framework/framework';
import { findClosingDate, untilWordsBefore } from './closing-date';
import { Delivery } from './poll';

/** `team`: the team HR named after the verb ("peiling sluiten Zorgteam Noord"), or "alle teams". */
export type PollCommand =
  | { kind: 'start'; args: string }
  | { kind: 'status'; team?: string }
  | { kind: 'close'; team?: string }
  | { kind: 'results'; team?: string }
  | { kind: 'help' };

const CLOSE_VERBS = ['sluiten', 'sluit', 'close'];
const RESULTS_VERBS = ['resultaten', 'resultaat', 'results', 'result'];

/** Every verb after "peiling" (or "poll") that is more than a request for help. */
export const POLL_VERBS: readonly string[] = ['start', 'status', ...CLOSE_VERBS, ...RESULTS_VERBS];

/** "peiling <verb> ..." (Dutch) or "poll <verb> ..." (English); `undefined` when it is no poll command. */
export function parsePollCommand(text: string): PollCommand | undefined {
  const m = /^\s*(?:peiling|poll)\b\s*(\S*)\s*([\s\S]*)$/i.exec(text);
  if (!m) return undefined;
  const verb = (m[1] ?? '').toLowerCase();
  const rest = (m[2] ?? '').trim();
  // What follows names the team; never dropped: a close that named Noord must not close another poll.
  const team = rest ? { team: rest } : {};
  if (verb === 'start') return { kind: 'start', args: rest };
  if (verb === 'status') return { kind: 'status', ...team };
  if (CLOSE_VERBS.includes(verb)) return { kind: 'close', ...team };
  if (RESULTS_VERBS.includes(verb)) return { kind: 'results', ...team };
  return { kind: 'help' };
}

/**
 * `named`: the team's name without the word that joined the date ("Zorgteam Noord tot 18
 * december"), and `withUntilWord`, the name with it, when such a word was dropped: a team may be
 * called "Zorg TM". Both readings are matched (start-poll.ts, matchTeam).
 */
export type PollTargetSpec = { kind: 'all' } | { kind: 'current' } | { kind: 'named'; name: string; withUntilWord?: string };

export interface StartRequest {
  target: PollTargetSpec;
  closesOn: string;
  channelName?: string;
  delivery: Delivery;
  privateNudges: boolean;
  language?: Language;
}

export type StartProblem = 'noDate' | 'badDate' | 'noTarget' | 'unknownWords';

export type StartParse = { ok: true; request: StartRequest } | { ok: false; problem: StartProblem; words?: string };

const ALL = /^(alle teams|all teams|alle|all)$/i;

/** Whether a team name as HR typed it means the poll of all teams. */
export function namesAllTeams(name: string): boolean {
  return ALL.test(name.trim());
}
const CURRENT = /^(dit team|this team|hier|here)$/i;
const PRIVATE = new Set(['privé', 'prive', 'private', 'privately', 'persoonlijk']);
const REMIND = new Set(['herinner', 'remind', 'herinnering', 'nudge']);
const CHANNEL = new Set(['kanaal', 'channel']);
const LANGUAGE = new Set(['taal', 'language']);
const KEYWORDS = new Set([...PRIVATE, ...REMIND, ...CHANNEL, ...LANGUAGE]);

/** Splits on spaces, keeping "quoted names" together. */
function tokens(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((t) => t !== '');
}

/**
 * `<team | dit team | alle teams> <sluitdatum jjjj-mm-dd> [kanaal <naam>] [privé] [herinner privé] [taal en]`
 * (English: `<team | this team | all teams> <closing date yyyy-mm-dd> [channel <name>] [private] [remind private] [language nl]`).
 * The date may also be written the Dutch way (31-12-2026, 31 december 2026), after "tot", "t/m",
 * "tot en met", "until" or "to"; `today` (yyyy-mm-dd, in the organisation's time zone) completes a
 * date without a year.
 */
export function parseStartArgs(args: string, today: string): StartParse {
  const words = tokens(args);
  const found = findClosingDate(words, today);
  if (!found) return { ok: false, problem: 'noDate' };
  if (!found.ok) return { ok: false, problem: 'badDate', words: found.words.slice(0, 40) };
  // "Zorgteam Noord tot 18 december": "tot" joins the date, it is no part of the team's name. But
  // "Zorg TM 2026-12-04" may name the team "Zorg TM": both readings are kept for the team match.
  const targetText = words.slice(0, found.start - untilWordsBefore(words, found.start)).join(' ').trim();
  const typedText = words.slice(0, found.start).join(' ').trim();
  if (!targetText) return { ok: false, problem: 'noTarget' };
  const target: PollTargetSpec = ALL.test(targetText)
    ? { kind: 'all' }
    : CURRENT.test(targetText)
      ? { kind: 'current' }
      : { kind: 'named', name: targetText, ...(typedText !== targetText ? { withUntilWord: typedText } : {}) };

  const request: StartRequest = { target, closesOn: found.date, delivery: 'channel', privateNudges: false };
  const rest = words.slice(found.end);
  const unknown: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!.toLowerCase();
    if (REMIND.has(w)) {
      request.privateNudges = true;
      if (PRIVATE.has((rest[i + 1] ?? '').toLowerCase())) i++;
    } else if (PRIVATE.has(w)) {
      request.delivery = 'private';
    } else if (CHANNEL.has(w)) {
      const name: string[] = [];
      while (i + 1 < rest.length && !KEYWORDS.has(rest[i + 1]!.toLowerCase())) name.push(rest[++i]!);
      if (name.length) request.channelName = name.join(' ');
      else unknown.push(rest[i]!);
    } else if (LANGUAGE.has(w) && ['nl', 'en'].includes((rest[i + 1] ?? '').toLowerCase())) {
      request.language = rest[++i]!.toLowerCase() as Language;
    } else {
      unknown.push(rest[i]!);
    }
  }
  if (unknown.length) return { ok: false, problem: 'unknownWords', words: unknown.join(' ').slice(0, 80) };
  return { ok: true, request };
}
