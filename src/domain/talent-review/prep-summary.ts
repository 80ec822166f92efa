import { hash } from 'node:crypto';
import { Language } from '../framework/framework';
import { stableId } from '../shared/ids';
import { notesShown, reflectionsShown } from './prep-shown';

/**
 * The AI summary on the prep card, made once per input and kept: the professional's preview and
 * the manager's card show the same stored text, as a model never writes the same text twice.
 * One per professional, in their own partition: it is their data (their export has it, their
 * erasure deletes it), and a change of what they share replaces it or removes it.
 */
export interface PrepSummaryDoc {
  id: string;
  type: 'prepSummary';
  userId: string;
  /** prepSummaryInputHash of what it summarises: the language and the shared items. */
  inputHash: string;
  language: Language;
  text: string;
  updatedAt: string;
}

/**
 * What the summary is made of: the items the professional shares, and the language it is written in.
 *
 * The language rule, the same for the professional's preview and every render of the manager's
 * card, so both show one text: the manager's chosen language (`taal`). When they chose none, each
 * side would otherwise pick its own (the manager's card their Teams client's, the preview the one
 * the manager's card was last shown in, or the default) and each would replace the other's summary:
 * then `anyLanguage` is set, and a summary stored of the same items is shown in whatever language
 * it was written; only a new one is written in `language`.
 */
export interface PrepSummaryInput {
  language: Language;
  items: string[];
  anyLanguage?: boolean;
}

export function prepSummaryId(userId: string): string {
  return stableId('ps', userId);
}

/**
 * A summary is reused only for the very same input: the same language and the same items (in any
 * order: the order of a listing is no change of what is shared). Nothing of the text is readable from it.
 */
export function prepSummaryInputHash(input: PrepSummaryInput): string {
  return hash('sha256', JSON.stringify({ language: input.language, items: [...input.items].sort() }), 'base64url');
}

/** Whether a stored summary is the one to show for this input: of the same items, in its language (or any, see PrepSummaryInput). */
export function summarisesInput(stored: { inputHash: string; language?: Language }, input: PrepSummaryInput): boolean {
  if (stored.inputHash === prepSummaryInputHash(input)) return true;
  return !!input.anyLanguage && !!stored.language && stored.inputHash === prepSummaryInputHash({ language: stored.language, items: input.items });
}

/**
 * The items the summary is made of: the reflections and notes the prep card shows (prep-shown.ts,
 * not the older ones beyond its caps) and their Prof-traject's words.
 */
export function prepSummaryItems(shared: {
  personalAnswers: { id: string; text: string; updatedAt: string; cycleId: string; questionId: number }[];
  notes: { id: string; text: string; createdAt: string }[];
  profTraject?: { learningNeeds: string; talents: string };
}): string[] {
  return [
    ...reflectionsShown(shared.personalAnswers).shown.map((a) => a.text),
    ...notesShown(shared.notes).shown.map((n) => n.text),
    ...(shared.profTraject ? [shared.profTraject.learningNeeds, shared.profTraject.talents] : []),
  ].filter(Boolean);
}
