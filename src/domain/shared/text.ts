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
 * Without control characters, every line break as one "\n" (also "\r\n" and a lone "\r"), and
 * with a lone half of a surrogate pair replaced by U+FFFD.
 */
export function withoutControlCharacters(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(CARRIAGE_RETURNS, '\n').replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '\uFFFD');
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
