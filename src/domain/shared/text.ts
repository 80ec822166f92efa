import { DomainError } from './errors';

/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return (a line break:
 * made a line feed, CARRIAGE_RETURNS below): they have no place in anything a person typed, break
 * JSON exports and logs, and can hide text on a screen.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/** Half of a surrogate pair (half an emoji): not valid Unicode, so exports and cards would break on it. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A carriage return, alone or before a line feed: Teams clients send a multi-line field's breaks as
 * "\r\n", which would count as two characters against a limit the field counts as one.
 */
const CARRIAGE_RETURNS = /\r\n?/g;

/** Anything these rules could change: almost no text has one, and then one scan is all it costs. */
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/;

/**
 * Characters that take no room on a screen: zero-width space, non-joiner and joiner, direction
 * marks and embeddings (also the Arabic letter mark), word joiner, soft hyphen, byte-order mark,
 * the combining grapheme joiner, the Braille blank and the Hangul fillers (the usual "invisible
 * name" characters). A text of only these (and white space) looks empty, so it counts as empty.
 * Tag characters and variation selectors stay: they end some emoji.
 */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0]/;

/**
 * The invisible characters above that are no white space, and every format character (\p{Cf}:
 * also the zero-width joiner and tag characters inside emoji), anywhere in a text.
 */
const INVISIBLE_NOT_SPACE = /[\p{Cf}\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/gu;

/**
 * The text without its invisible characters (white space stays): for comparing texts as they
 * show, not for storing them (it takes emoji sequences apart).
 */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE_NOT_SPACE, '');
}

/**
 * `trim()` that also removes invisible characters at either end: what a person typed, as it shows.
 * It walks in from each end one character at a time: a regular expression for "a run at the end"
 * tries again from every character of a run in the middle, which took minutes on a long one.
 */
export function trimText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && INVISIBLE.test(text[start]!)) start++;
  while (end > start && INVISIBLE.test(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * A text of nothing that shows: white space, the invisible characters above, any format character
 * (\p{Cf}: also tag characters, U+E0000-E007F) and variation selectors (U+FE00-FE0F,
 * U+E0100-E01EF). `trimText` keeps the last two at either end, as they end emoji; alone they show
 * nothing, so for the question "is anything written?" they count as nothing. Except the format
 * characters that are drawn (Unicode's prepended concatenation marks: the Arabic number signs, the
 * end of an ayah, ...; found in review, stop 66): one alone is something written.
 */
const SHOWS_NOTHING = /^(?:(?![\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])[\s\p{Cf}\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}])*$/u;

/**
 * Whether `text` shows nothing on a screen (see SHOWS_NOTHING): for the emptiness check only; a
 * text with anything visible is stored as `trimText` leaves it, emoji endings and all.
 */
export function showsNothing(text: string | undefined): boolean {
  return showsNothingTrimmed(trimText(text ?? ''));
}

/** `showsNothing` of a text `trimText` already trimmed: a long text is not walked a second time. */
export function showsNothingTrimmed(trimmed: string): boolean {
  return !trimmed || SHOWS_NOTHING.test(trimmed);
}

/** `text`, or "" when it shows nothing (`showsNothing`): handed to a rule that refuses an empty text, or keeps none. */
export function emptyIfNothingShows<T extends string | undefined>(text: T): T | '' {
  return text !== undefined && showsNothing(text) ? '' : text;
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): on one line they
 * reorder the text after them, so one name can be made to look like another.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** A tab or a line break (also next line, and the Unicode line and paragraph separators). */
const TAB_OR_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/;
const WHITE_SPACE_RUNS = /\s+/g;

/**
 * A text shown on one line (a name), as trimText gives it, without bidi controls and with each
 * run of white space that holds a tab or a line break as one space: a pasted tab or break spaces
 * it apart, or wraps it, on everyone's card. Other runs of spaces stay as typed.
 */
export function singleLineText(text: string): string {
  return trimText(text.replace(BIDI_CONTROLS, '').replace(WHITE_SPACE_RUNS, (run) => (TAB_OR_BREAK.test(run) ? ' ' : run)));
}

/**
 * Without control characters, every line break as one "\n" (also "\r\n" and a lone "\r"), with a
 * lone half of a surrogate pair replaced by U+FFFD, and in Unicode's composed form (NFC): an "é"
 * pasted as "e" and a combining accent (as macOS and some phones copy it) is stored as the one
 * character it shows as, so what is stored, compared and counted against a limit agree.
 */
export function withoutControlCharacters(text: string): string {
  const cleaned = SUSPECT.test(text) ? text.replace(CARRIAGE_RETURNS, '\n').replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '\uFFFD') : text;
  return cleaned.normalize('NFC');
}

/**
 * Characters that are a whole grapheme each, whatever stands beside them (Unicode's grapheme rules
 * join nothing to or from them): tab, line feed, printable ASCII and Latin-1 to the spacing
 * modifier letters (U+00A0-02FF; combining marks start at U+0300). Between two of them a text can
 * be cut and counted without the segmenter.
 */
const NOT_PLAIN_RUNS = /[^\t\n\x20-\x7E\u00A0-\u02FF]+/g;
const PLAIN = /[\t\n\x20-\x7E\u00A0-\u02FF]/;
/** One segmenter for the module: making one loads ICU's rules. */
const GRAPHEMES = new Intl.Segmenter('nl', { granularity: 'grapheme' });
/**
 * The segmenter is handed pieces of at most this many code units: V8's segment iterator slows
 * down with the length of its input (a 50,000-character text took seconds), a short piece does not.
 */
const SEGMENT_PIECE = 256;

/** Where each grapheme of `text` ends (exclusive offsets), in order. */
function* graphemeEnds(text: string): Generator<number> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT_PIECE);
    // Not between the two halves of an emoji: each half alone would count as a character.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    let last = 0;
    const ends: number[] = [];
    for (const s of GRAPHEMES.segment(text.slice(start, end))) {
      last = s.index;
      ends.push(start + s.index + s.segment.length);
    }
    // A piece's last grapheme may go on past the piece: the next piece starts at its start (a
    // grapheme start found inside the piece is one in the whole text). One grapheme longer than
    // a piece (hundreds of combining marks) is counted per piece: sizes stay bounded.
    if (end === text.length || last === 0) {
      yield* ends;
      start = end;
    } else {
      yield* ends.slice(0, -1);
      start += last;
    }
  }
}

function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemeEnds(text)) n++;
  return n;
}

/**
 * The number of characters as a reader sees them (graphemes): an emoji, a flag, a family emoji, a
 * letter with its accents is one. Plain Latin text is counted as is; only the stretches around
 * other characters (with the plain character either side, where a grapheme can end) go through
 * the segmenter.
 */
export function visibleLength(text: string): number {
  let count = 0;
  let counted = 0; // text before this offset is counted
  let from = -1; // a stretch for the segmenter, from..to, not counted yet
  let to = -1;
  const flush = (): void => {
    if (from >= 0) count += graphemeCount(text.slice(from, to));
  };
  for (const m of text.matchAll(NOT_PLAIN_RUNS)) {
    const start = Math.max(0, m.index! - 1);
    const end = Math.min(text.length, m.index! + m[0].length + 1);
    if (from >= 0 && start < to) {
      to = counted = end;
      continue;
    }
    flush();
    count += start - counted;
    from = start;
    to = end;
    counted = end;
  }
  flush();
  return count + text.length - counted;
}

/**
 * How long a text counts against a limit of characters: the characters a reader sees
 * (`visibleLength`), but at least half its UTF-16 code units. So a text within a limit of N is
 * also within 2N code units (card sizes and Teams' own input limits are in code units), however
 * many units its graphemes take (a family emoji is 11, accents stacked on one letter unbounded);
 * for any ordinary text, accents and emoji included, it is the visible count.
 */
export function lengthForLimit(text: string): number {
  return Math.max(visibleLength(text), Math.ceil(text.length / 2));
}

/**
 * The most UTF-16 code units a text within a limit of `max` characters can take (see
 * `lengthForLimit`): what a card's Input.Text `maxLength` is set to, since Teams' clients count it in
 * code units and would stop a person typing emoji before the app's own rule does.
 */
export function unitCeiling(max: number): number {
  return 2 * max;
}

/**
 * `text`'s length against a limit of `max`, as `lengthForLimit` counts it. Past 8 times the limit in
 * code units (4 times the most it can take) it is the code-unit count: such a paste is refused on
 * its size, and a megabyte of emoji would keep the segmenter busy for a second.
 */
export function lengthAgainst(text: string, max: number): number {
  if (text.length <= max) return visibleLength(text); // never more graphemes than code units
  return text.length > 8 * max ? text.length : lengthForLimit(text);
}

/** The count to refuse `text` with (`lengthAgainst`), or undefined when it is within `max`. */
export function overLimit(text: string, max: number): number | undefined {
  if (text.length <= max) return undefined;
  const count = lengthAgainst(text, max);
  return count > max ? count : undefined;
}

/**
 * The longest start of `text` of at most `units` UTF-16 code units that ends between two
 * graphemes: never half an emoji, a flag or a letter without its accent.
 */
export function cutWhole(text: string, units: number): string {
  if (text.length <= units) return text;
  if (units <= 0) return '';
  // Between two plain characters a grapheme always ends: the common case needs no segmenter.
  if (PLAIN.test(text[units - 1]!) && PLAIN.test(text[units]!)) return text.slice(0, units);
  // Back to such a place (or the start), then segment from there to the whole character after the
  // cut: whether a grapheme ends at the cut depends on what follows it.
  let from = units - 1;
  while (from > 0 && !(PLAIN.test(text[from - 1]!) && PLAIN.test(text[from]!))) from--;
  const past = units + (/[\uD800-\uDBFF]/.test(text[units]!) ? 2 : 1);
  let cut = from;
  for (const end of graphemeEnds(text.slice(from, past))) if (from + end <= units) cut = from + end;
  return text.slice(0, cut);
}

/**
 * A copy of untrusted JSON with control characters removed from every string (its line breaks as
 * "\n") and without prototype keys (`__proto__`, `constructor`, `prototype`), so no later spread
 * or assignment can change an object's prototype. Past 32 levels it refuses the input (DomainError 'invalidInput').
 * With `dropNulls`, an object's members that are null are left out, as if they were never sent.
 */
export function cleanJson(value: unknown, depth = 0, options: { dropNulls?: boolean } = {}): unknown {
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw new DomainError('invalidInput', `JSON nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) return value.map((v) => cleanJson(v, depth + 1, options));
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || PROTOTYPE_KEYS.has(key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v === null && options.dropNulls) continue;
    out[key] = cleanJson(v, depth + 1, options);
  }
  return out;
}
