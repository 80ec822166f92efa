import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { overLimit, showsNothing, trimText } from '../shared/text';

export type Visibility = 'private' | 'shared';

/** A member's own answer to a personal question (9-10). Private until the member shares it. */
export interface PersonalAnswer {
  id: string;
  type: 'personalAnswer';
  userId: string;
  groupId: string;
  cycleId: string;
  sessionId: string;
  questionId: number;
  text: string;
  visibility: Visibility;
  updatedAt: string;
  /**
   * The keys of the presses that stored its text (see `personalPressKey`), the latest few: a press
   * already applied, delivered again by Teams after the member changed the answer, changes
   * nothing. Absent on answers stored before.
   */
  keys?: string[];
  /**
   * Set by a press that found the answer as another delivery of it wrote it and answered with it
   * (`confirmFoundAnswer`): that delivery, answered after its save window, takes back only an
   * answer still exactly as it wrote it, so this one stays (found in review, stop 67).
   */
  confirmed?: true;
  /**
   * Counts the changes of its text (as a note's `rev` does), so a share from a view that showed an
   * older text (the tab, the chat's overview card) is refused instead of putting words before the
   * manager that the member never saw there. Absent until the text first changes: read as 1 (`answerRev`).
   */
  rev?: number;
}

/** The revision of an answer's text: 1 as first written (and for answers stored before revisions were kept). */
export function answerRev(a: Pick<PersonalAnswer, 'rev'>): number {
  return a.rev ?? 1;
}

/**
 * Whether the answer may still be taken back by the late delivery that wrote it: as a first save
 * writes it (private, one press key at most), and not confirmed.
 */
export function answerMayBeTakenBack(a: PersonalAnswer): boolean {
  return a.confirmed === undefined && a.visibility === 'private' && (a as { visibilityRev?: number }).visibilityRev === undefined && (a.keys?.length ?? 0) <= 1;
}

/** How many press keys an answer remembers: far more than a member changes it in the minutes Teams redelivers in. */
export const PERSONAL_ANSWER_KEYS_KEPT = 20;

/**
 * The key of one save press: the card's action key (or the activity's id), the member, the
 * question and the words pressed with. The same press delivered again has it; another press on
 * the same card with other words does not.
 */
export function personalPressKey(pressKey: string, userId: string, questionId: number, text: string): string {
  return stableId('pp', pressKey, userId, String(questionId), trimText(text));
}

/** Whether this press (its `personalPressKey`) stored the answer's text before. */
export function personalPressedBefore(stored: PersonalAnswer | undefined, key: string | undefined): boolean {
  return !!stored && key !== undefined && !!stored.keys?.includes(key);
}

/**
 * The stored answer with the member's new text (`fresh`, see `writePersonalAnswer`), keeping what
 * they chose to share. Unchanged when this press stored it before, or the text is the same.
 */
export function changePersonalAnswer(stored: PersonalAnswer, fresh: PersonalAnswer, key?: string): PersonalAnswer {
  if (personalPressedBefore(stored, key) || stored.text === fresh.text) return stored;
  return { ...stored, text: fresh.text, rev: answerRev(stored) + 1, updatedAt: fresh.updatedAt, ...keptKeys(stored.keys, key) };
}

function keptKeys(before: readonly string[] | undefined, key: string | undefined): { keys?: string[] } {
  const keys = [...(before ?? []), ...(key ? [key] : [])].slice(-PERSONAL_ANSWER_KEYS_KEPT);
  return keys.length ? { keys } : {};
}

export const MAX_PERSONAL_ANSWER_LENGTH = 4000;

/** Unique per member as well, so no store (or emulator) could ever mix two members' answers. */
export function personalAnswerId(userId: string, sessionId: string, questionId: number): string {
  return stableId('pa', userId, sessionId, String(questionId));
}

/** A member's answer as a first save stores it; `key` is the press's (see `personalPressKey`). */
export function writePersonalAnswer(a: Omit<PersonalAnswer, 'id' | 'type' | 'visibility' | 'keys'> & { visibility?: Visibility; key?: string }): PersonalAnswer {
  const { key, ...answer } = a;
  const text = trimText(answer.text);
  // What shows nothing (also tag characters alone) is no answer: saved, it would replace a real one.
  if (showsNothing(text)) throw new DomainError('invalidInput', { detail: 'personal answer empty', input: { field: 'text', rule: 'required' } });
  const over = overLimit(text, MAX_PERSONAL_ANSWER_LENGTH);
  if (over) throw new DomainError('invalidInput', { detail: 'personal answer length', input: { field: 'text', rule: 'tooLong', params: { max: MAX_PERSONAL_ANSWER_LENGTH, count: over } } });
  return { ...answer, id: personalAnswerId(answer.userId, answer.sessionId, answer.questionId), type: 'personalAnswer', text, visibility: answer.visibility ?? 'private', ...keptKeys(undefined, key) };
}
