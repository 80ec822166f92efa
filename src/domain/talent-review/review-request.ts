import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { trimText, withoutControlCharacters } from '../shared/text';
import { conversationHeld, TalentReview } from './review';

/** The longest message a professional sends with a request for a talentontwikkelgesprek. */
export const MAX_REQUEST_MESSAGE_LENGTH = 500;

/**
 * A professional asks their manager for a talentontwikkelgesprek: the professional owns their
 * story, so they may take the initiative. The manager's card names only the professional and
 * carries only this message: nothing of their notes or what they share.
 */
export interface ReviewRequest {
  professionalId: string;
  /** How the manager's card names the professional; absent: "one of your team". */
  professionalName?: string;
  managerId: string;
  /** The professional's own words, if any: shown to the manager as plain text. */
  message?: string;
}

/** The message as it is sent: trimmed, without control characters; refused over the limit; empty is none. */
export function requestMessage(text: string | undefined): string | undefined {
  const message = trimText(withoutControlCharacters(text ?? ''));
  if (message.length > MAX_REQUEST_MESSAGE_LENGTH) {
    throw new DomainError('invalidInput', { detail: 'request message too long', input: { field: 'text', rule: 'tooLong', params: { max: MAX_REQUEST_MESSAGE_LENGTH, count: message.length } } });
  }
  return message || undefined;
}

/** The first conversation with this manager still ahead (today counts), if any. */
export function plannedAhead(reviews: TalentReview[], professionalId: string, now: Date): TalentReview | undefined {
  return reviews
    .filter((r) => r.reportId === professionalId && !conversationHeld(r, now))
    .sort((a, b) => a.date.localeCompare(b.date))[0];
}

/**
 * The key of one request: the press that sent it (set when the form was rendered), so Teams
 * delivering that press again sends nothing twice, while a new form sends a new request.
 */
export function requestKey(professionalId: string, pressKey: string): string {
  return `talentReview.request:${stableId('rq', professionalId, pressKey)}`;
}

/**
 * Port: delivers a request to the manager's own 1:1 chat with the bot, in the manager's language.
 * `key` sends it once however often it is handed over; erasing the professional removes it.
 * Resolves `alreadyQueued` when a request was queued under this key before (a try whose answer
 * was lost): that one goes, with its own message, not the one handed over now.
 */
export interface ReviewRequestDelivery {
  deliver(request: ReviewRequest, key: string): Promise<'alreadyQueued' | undefined>;
}
