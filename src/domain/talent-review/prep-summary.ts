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

/** What the summary is made of: the items the professional shares, and the language it is written in. */
export interface PrepSummaryInput {
  language: Language;
  items: string[];
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
