import { trimText, withoutInvisibleCharacters } from '../../domain/shared/text';
import type { Locale } from '../../i18n/i18n';

/**
 * The ways people name a language after `taal` / `language`: the code, or the language's name in
 * either language. A Map, not an object: a typed "constructor" must not find anything.
 */
const LANGUAGE_NAMES = new Map<string, Locale>([
  ['nl', 'nl'], ['nederlands', 'nl'], ['dutch', 'nl'],
  ['en', 'en'], ['engels', 'en'], ['english', 'en'],
]);

/**
 * The language the words after `taal` / `language` choose ("en", "Engels", "English."), read as
 * they show: any capitals, a full stop at the end, and invisible characters pasted along (a
 * zero-width space) do not count. Anything else chooses none (the caller answers with the usage).
 */
export function languageChoice(typed: string): Locale | undefined {
  const word = trimText(withoutInvisibleCharacters(typed)).replace(/\s*\.$/, '').toLowerCase();
  return LANGUAGE_NAMES.get(word);
}

/** Every command word wordLanguage knows, to read the text as commandText reads it for them. */
const WORDED_COMMAND = /^\s*(group|setup|new cycle|language|groep|instellen|nieuwe cyclus|taal)\b/i;

/**
 * The language a command is worded in ("group", "language": English; "groep", "taal": Dutch); none
 * for a word both languages share ("start", "status").
 */
export function wordLanguage(typed: string): Locale | undefined {
  const text = commandText(typed, WORDED_COMMAND);
  if (/^\s*(group|setup|new cycle|language)\b/i.test(text)) return 'en';
  if (/^\s*(groep|instellen|nieuwe cyclus|taal)\b/i.test(text)) return 'nl';
  return undefined;
}

/**
 * `taal <language>` / `language <language>`, also written "taal: en" (a colon after the command
 * word is no part of the choice, as after `notitie`). "taalen" is no command: the word needs a gap
 * or the colon after it (a zero-width space is a gap, see `commandText`).
 */
export const LANGUAGE_COMMAND = /^\s*(taal|language)\b(?:\s*:)?/i;

/**
 * The language a command typed in a chat without a group asks for: the one it names ("language en",
 * "taal Engels"), else the language of its word.
 */
export function namedLanguage(text: string): Locale | undefined {
  const shown = commandText(text, LANGUAGE_COMMAND);
  const taken = LANGUAGE_COMMAND.exec(shown)?.[0].length;
  return (taken === undefined ? undefined : languageChoice(shown.slice(taken))) ?? wordLanguage(text);
}

/** A zero-width space: Unicode's break between two words that shows no gap (UAX #29 and #14 break at it). */
const ZERO_WIDTH_SPACE = '\u200B';

/** The text as it shows, with each zero-width space read as a gap between words. */
const withZeroWidthGaps = (typed: string): string => withoutInvisibleCharacters(typed.replaceAll(ZERO_WIDTH_SPACE, ' '));

/**
 * A typed command as it shows, for telling which command it is: a zero-width space pasted before
 * or inside the command word ("\u200Btaal en") must not make it something the bot does not understand.
 * With `pattern` (the command's), a text it does not find so but does find with each zero-width
 * space read as a gap is read that way: one zero-width space as the only gap after the word
 * ("taal\u200Ben") separates it from what follows, as Unicode's word breaks have it.
 */
export function commandText(typed: string, pattern?: RegExp): string {
  const shown = withoutInvisibleCharacters(typed);
  if (!pattern || pattern.test(shown) || !typed.includes(ZERO_WIDTH_SPACE)) return shown;
  const gapped = withZeroWidthGaps(typed);
  return pattern.test(gapped) ? gapped : shown;
}

/** Whether `typed` is the command `pattern` finds, read as `commandText` reads it. */
export function isCommand(typed: string, pattern: RegExp): boolean {
  return pattern.test(commandText(typed, pattern));
}

/**
 * The words after the command word (and its separator) that `pattern` finds in the text as it
 * shows, cut from the text as typed: invisible characters are dropped only up to the end of what
 * the pattern took; what follows is the person's own, kept as typed (one pasted inside a note stays).
 */
export function afterCommand(typed: string, pattern: RegExp): string {
  const shown = commandText(typed, pattern);
  // Read as commandText read it, one character at a time: a zero-width space is a gap or nothing.
  const read = shown === withoutInvisibleCharacters(typed) ? withoutInvisibleCharacters : withZeroWidthGaps;
  const taken = pattern.exec(shown)?.[0].length ?? 0;
  let seen = 0;
  let cut = 0;
  // By code point: an invisible character outside the BMP (a tag character) is two code units, both gone as it shows.
  for (const character of typed) {
    if (seen >= taken) break;
    seen += read(character).length;
    cut += character.length;
  }
  return typed.slice(cut);
}
