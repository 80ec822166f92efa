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

/**
 * The language a command is worded in ("group", "language": English; "groep", "taal": Dutch); none
 * for a word both languages share ("start", "status").
 */
export function wordLanguage(typed: string): Locale | undefined {
  const text = commandText(typed);
  if (/^\s*(group|setup|new cycle|language)\b/i.test(text)) return 'en';
  if (/^\s*(groep|instellen|nieuwe cyclus|taal)\b/i.test(text)) return 'nl';
  return undefined;
}

/**
 * The language a command typed in a chat without a group asks for: the one it names ("language en",
 * "taal Engels"), else the language of its word.
 */
export function namedLanguage(text: string): Locale | undefined {
  const rest = /^\s*(?:taal|language)\b([\s\S]*)$/i.exec(commandText(text))?.[1];
  return (rest === undefined ? undefined : languageChoice(rest)) ?? wordLanguage(text);
}

/**
 * A typed command as it shows, for telling which command it is: a zero-width space pasted before
 * or inside the command word ("\u200Btaal en") must not make it something the bot does not understand.
 */
export function commandText(typed: string): string {
  return withoutInvisibleCharacters(typed);
}

/**
 * The words after the command word (and its separator) that `pattern` finds in the text as it
 * shows, cut from the text as typed: invisible characters are dropped only up to the end of what
 * the pattern took; what follows is the person's own, kept as typed (one pasted inside a note stays).
 */
export function afterCommand(typed: string, pattern: RegExp): string {
  const taken = pattern.exec(commandText(typed))?.[0].length ?? 0;
  let seen = 0;
  let cut = 0;
  // By code point: an invisible character outside the BMP (a tag character) is two code units, both gone as it shows.
  for (const character of typed) {
    if (seen >= taken) break;
    seen += commandText(character).length;
    cut += character.length;
  }
  return typed.slice(cut);
}
