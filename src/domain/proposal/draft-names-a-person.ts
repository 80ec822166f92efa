import { withoutInvisibleCharacters } from '../shared/text';
import { ProposalDraft } from './proposal-draft';

/** Names shorter than this many letters ("Bo", "Al") are not looked for: they are part of too many words. */
const MIN_NAME_LETTERS = 3;

/**
 * First names that are everyday Dutch or English words as well ("ik ben", "wie wil", "max. tien
 * minuten", "part of the job"): looked for only where the draft writes them with a capital, else a
 * group with a Ben or a Max would never see a draft. A capital at a sentence's start ("Ben je ...")
 * still counts: one withheld draft too many (the group asks again) is the cost of never showing one
 * that labels a colleague. No list is complete: a first name missing here that is a word too withholds
 * a draft that writes it, and asking again gives another wording.
 */
const EVERYDAY_WORDS = new Set([
  'amber', 'art', 'bas', 'ben', 'bill', 'bob', 'chase', 'daisy', 'dawn', 'dean', 'don', 'drew', 'faith', 'fleur', 'floor', 'frank', 'grace', 'grant', 'guy',
  'harm', 'hazel', 'holly', 'hope', 'hunter', 'iris', 'ivy', 'jack', 'jade', 'jasper', 'job', 'joy', 'june', 'kay', 'lieve', 'lies', 'lily', 'lot', 'mark', 'mason',
  'max', 'may', 'mees', 'merel', 'nick', 'olive', 'page', 'pat', 'peer', 'ray', 'rich', 'rob', 'roos', 'rosa', 'rose', 'rowan', 'ruby', 'sky', 'storm', 'sue',
  'summer', 'ties', 'ton', 'toon', 'ward', 'wil', 'will',
]);

/**
 * The particles a Dutch (or German, French) surname starts with: "van den Berg, Anna" is written
 * so in many directories, and "van" taken for a name would be found in every Dutch draft.
 */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'des', 'del', 'della', 'di', 'da', 'du', 'dos', 'het', 'ter', 'ten', 'te', 'in', 'op', 'la', 'le', 't']);

/** Titles and forms of address a directory writes before or in a name ("dr. Anna Smit", "Ing. Anna de Vries"). */
const TITLES = new Set(['dr', 'drs', 'ir', 'ing', 'mr', 'mrs', 'ms', 'prof', 'ds', 'zr', 'dhr', 'mevr', 'mw', 'bc', 'msc', 'bsc', 'ma', 'phd', 'jr', 'sr']);

/**
 * Whether the AI's draft names a person of the group (a member now, or one who took part before):
 * their whole display name in any case, their first name (any case, but see `EVERYDAY_WORDS`), or
 * another word of their name written with a capital (a surname: "van der Meer" must not withhold
 * every draft that says "meer"), as whole words, with or without accents ("José" and "jose" alike),
 * also split up by characters that show nothing. Such a draft is not shown: a model steered by an
 * answer can name a colleague and label them, and the group would read it on its shared card.
 * "Jan" is not found in "Janssen"; a name word of fewer than three letters is not looked for.
 */
export function draftNamesAPerson(draft: ProposalDraft, names: readonly string[]): boolean {
  const text = folded([draft.proposal, ...draft.assumptions, ...draft.risks, ...draft.questionsToCheck].join('\n'));
  return names.flatMap(namesToLookFor).some((name) => mentions(text, name));
}

interface NameToLookFor {
  words: string[];
  /** Found only written with a capital (a surname, or a first name that is an everyday word as well). */
  capitalOnly: boolean;
}

const wordsOf = (text: string) => text.split(/\s+/).map(trimNonLetters).filter(Boolean);

/** A word of a display name that names nobody: a particle, a title, an initial ("A.", "A.B."), a tag's word. */
const namesNobody = (word: string) => NAME_PARTICLES.has(word.toLowerCase()) || TITLES.has(word.toLowerCase()) || letters(word) < MIN_NAME_LETTERS;

/**
 * What to look for of one display name, in the forms directories write: "Anna de Vries",
 * "dr. Anna Smit", "[EXT] Anna Smit", "Vries, Anna de", "Smit, A. (Anna)", "A. van der Meer",
 * "Anna Smit (Planning)". The first name is the first word after a comma, else (no comma) the
 * name's own first word after its titles; an initial or a particle there means the name shows no
 * first name (in "A. van der Meer", "Meer" is the surname). Only where that finds none, a single
 * word in brackets is the roepnaam ("Smit, A. (Anna)"); other brackets (a department) and tags are
 * not looked for. Every other word of the name (a surname) counts only with a capital.
 */
function namesToLookFor(displayName: string): NameToLookFor[] {
  const name = folded(displayName);
  const tagless = name.replace(/\[[^\]]*\]/g, ' ');
  const bracketed = wordsOf((tagless.match(/\(([^)]*)\)/) ?? [])[1] ?? '');
  const outside = tagless.replace(/\([^)]*\)/g, ' ');
  const parts = outside.split(',', 2).map((part) => wordsOf(part).filter((w) => !TITLES.has(w.toLowerCase())));
  const leading = (parts.length > 1 ? parts[1] : parts[0])?.[0];
  const fromWords = leading !== undefined && !namesNobody(leading) ? leading : undefined;
  const roepnaam = bracketed.length === 1 && !namesNobody(bracketed[0]!) ? bracketed[0] : undefined;
  const firstName = fromWords ?? roepnaam;
  const all = [...new Set([...parts.flat().filter((w) => !namesNobody(w)), ...(firstName !== undefined ? [firstName] : [])])];
  const whole = wordsOf(outside);
  const looks: NameToLookFor[] = all.map((w) => ({ words: [w], capitalOnly: w !== firstName || EVERYDAY_WORDS.has(w.toLowerCase()) }));
  if (whole.length > 1 && letters(whole.join('')) >= MIN_NAME_LETTERS) looks.push({ words: whole, capitalOnly: false });
  return looks;
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
  return withoutInvisibleCharacters(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u00F8\u00D8\u0142\u0141\u0111\u0110\u00E6\u00C6\u0153\u0152\u00DF\u00F0\u00D0\u00FE\u00DE\u0131]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
}

/** Letters NFKD does not take apart ("Søren", "Łukasz", "Æsa"): as a draft without them spells them. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  '\u00F8': 'o', '\u00D8': 'O', '\u0142': 'l', '\u0141': 'L', '\u0111': 'd', '\u0110': 'D', '\u00E6': 'ae', '\u00C6': 'Ae',
  '\u0153': 'oe', '\u0152': 'Oe', '\u00DF': 'ss', '\u00F0': 'd', '\u00D0': 'D', '\u00FE': 'th', '\u00DE': 'Th', '\u0131': 'i',
};

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
