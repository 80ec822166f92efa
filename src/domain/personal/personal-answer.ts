import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { trimText } from '../shared/text';

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
}

export const MAX_PERSONAL_ANSWER_LENGTH = 4000;

/** Unique per member as well, so no store (or emulator) could ever mix two members' answers. */
export function personalAnswerId(userId: string, sessionId: string, questionId: number): string {
  return stableId('pa', userId, sessionId, String(questionId));
}

export function writePersonalAnswer(a: Omit<PersonalAnswer, 'id' | 'type' | 'visibility'> & { visibility?: Visibility }): PersonalAnswer {
  const text = trimText(a.text);
  if (!text) throw new DomainError('invalidInput', { detail: 'personal answer empty', input: { field: 'text', rule: 'required' } });
  if (text.length > MAX_PERSONAL_ANSWER_LENGTH) throw new DomainError('invalidInput', { detail: 'personal answer length', input: { field: 'text', rule: 'tooLong', params: { max: MAX_PERSONAL_ANSWER_LENGTH, count: text.length } } });
  return { ...a, id: personalAnswerId(a.userId, a.sessionId, a.questionId), type: 'personalAnswer', text, visibility: a.visibility ?? 'private' };
}
