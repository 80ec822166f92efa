import { createHmac } from 'node:crypto';
import { DomainError } from '../shared/errors';
import { ITEM_IDS, ItemId, ScaleValue } from './instrument';
import { overLimit, trimText } from '../shared/text';

export const MAX_OPEN_ANSWER = 1000;

/** Length of a respondent marker: 22 base64url characters, 131 bits of the HMAC. */
export const MARKER_LENGTH = 22;

export type Scores = Record<ItemId, ScaleValue>;

/**
 * That someone answered, as a keyed hash of poll and person (HMAC-SHA256, shortened): stable
 * within a poll, unlinkable across polls and to the person without the key. It is kept only
 * while the poll is open, to refuse a second answer and to aim reminders.
 */
export function respondentHash(key: string, pollId: string, userId: string): string {
  return createHmac('sha256', key).update(`${pollId}\u0000${userId}`).digest('base64url').slice(0, MARKER_LENGTH);
}

/** Length of an invitee marker: 16 base64url characters, 96 bits (it only has to tell invitees apart). */
export const INVITEE_MARKER_LENGTH = 16;

/**
 * A keyed hash of someone a private poll was sent to, for one team of the poll. Its input differs
 * from the respondent marker's, so the two cannot be matched without the key: the tally can say
 * "this person was asked" without saying who of those asked answered.
 */
export function inviteeHash(key: string, pollId: string, targetId: string, userId: string): string {
  return createHmac('sha256', key).update(`invitee\u0000${pollId}\u0000${targetId}\u0000${userId}`).digest('base64url').slice(0, INVITEE_MARKER_LENGTH);
}

/** The card input that holds a statement's score. */
export const scoreInput = (id: ItemId): string => `item_${id}`;

function scoreOf(raw: unknown): ScaleValue | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? (n as ScaleValue) : undefined;
}

/** The statements the card inputs hold no 1-5 score for, in the instrument's order. */
export function unscoredItems(values: Record<string, unknown>): ItemId[] {
  return ITEM_IDS.filter((id) => scoreOf(values[scoreInput(id)]) === undefined);
}

/**
 * Reads the nine 1-5 scores from a card's inputs (`item_<id>`); every statement needs an answer.
 * A refusal names the first statement without one, so the form comes back with the reason there.
 */
export function readScores(values: Record<string, unknown>): Scores {
  const missing = unscoredItems(values)[0];
  if (missing) throw new DomainError('incompleteAnswer', { detail: 'a statement has no 1-5 score', input: { field: scoreInput(missing), rule: 'required' } });
  return Object.fromEntries(ITEM_IDS.map((id) => [id, scoreOf(values[scoreInput(id)])])) as Scores;
}

/** The optional comment, trimmed; over MAX_OPEN_ANSWER characters it is refused at its input (`open`). */
export function readOpenAnswer(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = trimText(raw);
  if (!text) return undefined;
  const over = overLimit(text, MAX_OPEN_ANSWER);
  if (over) {
    throw new DomainError('invalidInput', { detail: 'open answer too long', input: { field: 'open', rule: 'tooLong', params: { max: MAX_OPEN_ANSWER, count: over } } });
  }
  return text;
}
