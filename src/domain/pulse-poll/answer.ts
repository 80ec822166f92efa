import { createHmac } from 'node:crypto';
import { DomainError } from '../shared/errors';
import { ITEM_IDS, ItemId, ScaleValue } from './instrument';

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

/** Reads the nine 1-5 scores from a card's inputs (`item_<id>`); every statement needs an answer. */
export function readScores(values: Record<string, unknown>): Scores {
  const scores = {} as Scores;
  for (const id of ITEM_IDS) {
    const raw = values[`item_${id}`];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 5) throw new DomainError('incompleteAnswer');
    scores[id] = n as ScaleValue;
  }
  return scores;
}

export function readOpenAnswer(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text) return undefined;
  if (text.length > MAX_OPEN_ANSWER) throw new DomainError('invalidInput', 'open answer too long');
  return text;
}
