import { createHmac } from 'node:crypto';
import { DomainError } from '../shared/errors';
import { PollError } from './poll-error';
import { ITEM_IDS, ItemId, ScaleValue } from './instrument';

export const MAX_OPEN_ANSWER = 1000;

export type Scores = Record<ItemId, ScaleValue>;

/**
 * One person's scores. Nothing in it says who: a random id, the team, the date (no time), and
 * the scores. It shares no id or time with the respondent marker.
 */
export interface PollAnswer {
  id: string;
  pollId: string;
  type: 'answer';
  targetId: string;
  onDate: string;
  scores: Scores;
}

/** An open comment, kept apart from the scores so a recognisable comment reveals no scores. */
export interface OpenAnswer {
  id: string;
  pollId: string;
  type: 'openAnswer';
  targetId: string;
  text: string;
}

/**
 * That someone answered, as a keyed hash of poll and person: only to refuse a second answer and
 * to aim reminders. No team, no time, no link to the answer.
 */
export interface RespondentMarker {
  id: string;
  pollId: string;
  type: 'respondent';
  hash: string;
}

/** HMAC-SHA256 of poll and person: stable within a poll, unlinkable across polls without the key. */
export function respondentHash(key: string, pollId: string, userId: string): string {
  return createHmac('sha256', key).update(`${pollId}\u0000${userId}`).digest('base64url');
}

/** Reads the nine 1-5 scores from a card's inputs (`item_<id>`); every statement needs an answer. */
export function readScores(values: Record<string, unknown>): Scores {
  const scores = {} as Scores;
  for (const id of ITEM_IDS) {
    const raw = values[`item_${id}`];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 5) throw new PollError('incompleteAnswer');
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
