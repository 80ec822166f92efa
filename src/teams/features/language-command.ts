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
export function wordLanguage(text: string): Locale | undefined {
  if (/^\s*(group|setup|new cycle|language)\b/i.test(text)) return 'en';
  if (/^\s*(groep|instellen|nieuwe cyclus|taal)\b/i.test(text)) return 'nl';
  return undefined;
}

/**
 * The language a command typed in a chat without a group asks for: the one it names ("language en",
 * "taal Engels"), else the language of its word.
 */
export function namedLanguage(text: string): Locale | undefined {
  const rest = /^\s*(?:taal|language)\b([\s\S]*)$/i.exec(text)?.[1];
  return (rest === undefined ? undefined : languageChoice(rest)) ?? wordLanguage(text);
}
