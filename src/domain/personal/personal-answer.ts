import { DomainError } from '../shared/errors';

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

export function personalAnswerId(sessionId: string, questionId: number): string {
  return `pa_${sessionId}_q${questionId}`;
}

export function writePersonalAnswer(a: Omit<PersonalAnswer, 'id' | 'type' | 'visibility'> & { visibility?: Visibility }): PersonalAnswer {
  const text = a.text.trim();
  if (!text || text.length > MAX_PERSONAL_ANSWER_LENGTH) throw new DomainError('invalidInput', 'personal answer length');
  return { ...a, id: personalAnswerId(a.sessionId, a.questionId), type: 'personalAnswer', text, visibility: a.visibility ?? 'private' };
}
