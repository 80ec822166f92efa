import { withoutInvisibleCharacters } from '../shared/text';
import { ProposalDraft } from './proposal-draft';

/** Names shorter than this many letters ("Bo", "Al") are not looked for: they are part of too many words. */
const MIN_NAME_LETTERS = 3;

/**
 * First names that are everyday Dutch or English words as well ("ik ben", "wie wil", "lot",
 * "frank"): looked for only where the draft writes them with a capital, else a group with a Ben
 * or a Wil would never see a draft. A capital at a sentence's start ("Ben je ...") still counts:
 * one withheld draft too many is the cost of never showing one that labels a colleague.
 */
const EVERYDAY_WORDS = new Set(['ben', 'bill', 'dean', 'faith', 'fleur', 'frank', 'grace', 'hope', 'joy', 'lieve', 'lot', 'mark', 'may', 'pat', 'rob', 'roos', 'rose', 'will', 'wil']);

/**
 * Whether the AI's draft names a person of the group (a member now, or one who took part before):
 * their display name or their first name, as a whole word, in any case, with or without accents
 * ("José" and "jose" alike), also split up by characters that show nothing. Such a draft is not
 * shown: a model steered by an answer can name a colleague and label them, and the group would
 * read it on its shared card. "Jan" is not found in "Janssen"; a name of fewer than three letters
 * is not looked for at all (see `EVERYDAY_WORDS` for names that are words too).
 */
export function draftNamesAPerson(draft: ProposalDraft, names: readonly string[]): boolean {
  const text = folded([draft.proposal, ...draft.assumptions, ...draft.risks, ...draft.questionsToCheck].join('\n'));
  return namesToLookFor(names).some((name) => mentions(text, name));
}

interface NameToLookFor {
  words: string[];
  /** Found only written with a capital (an everyday word as well). */
  capitalOnly: boolean;
}

/**
 * The particles a Dutch (or German, French) surname starts with: "van den Berg, Anna" is written
 * so in many directories, and "van" taken for her first name would be found in every Dutch draft.
 */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'des', 'del', 'della', 'di', 'da', 'du', 'dos', 'het', 'ter', 'ten', 'te', 'in', 'op', 'la', 'le', "'t"]);

function namesToLookFor(names: readonly string[]): NameToLookFor[] {
  return names.flatMap((name) => {
    const words = folded(name).split(/\s+/).map(trimNonLetters).filter(Boolean);
    if (!words.length) return [];
    const whole = { words, capitalOnly: words.length === 1 && EVERYDAY_WORDS.has(words[0]!.toLowerCase()) };
    // The first word that is no particle; and in "Surname, First name" the word after the comma.
    const afterComma = folded(name).split(',')[1]?.split(/\s+/).map(trimNonLetters).find(Boolean);
    const firstWords = [words.find((w) => !NAME_PARTICLES.has(w.toLowerCase())), afterComma].filter((w): w is string => w !== undefined && !NAME_PARTICLES.has(w.toLowerCase()));
    const firstNames = firstWords.map((w) => ({ words: [w], capitalOnly: EVERYDAY_WORDS.has(w.toLowerCase()) }));
    return [whole, ...firstNames].filter((n) => letters(n.words.join('')) >= MIN_NAME_LETTERS);
  });
}

/** The name as whole words in the text: no letter or digit right before or after it. */
function mentions(text: string, name: NameToLookFor): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  for (const found of text.matchAll(pattern)) {
    if (!name.capitalOnly || startsWithCapital(found[0])) return true;
  }
  return false;
}

/**
 * The text as compared: compatibility form (full-width letters read as letters), without accents
 * and without characters that show nothing, so a name cannot hide behind them. Case is kept: the
 * pattern ignores it, except for the everyday words.
 */
function folded(text: string): string {
  return withoutInvisibleCharacters(text).normalize('NFKD').replace(/\p{M}/gu, '');
}

function trimNonLetters(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function startsWithCapital(word: string): boolean {
  return word[0] !== word[0]!.toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
