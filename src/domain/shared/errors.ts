/** Every way a user action can be refused. The Teams layer turns each into a friendly card. */
export const ERROR_CODES = [
  'invalidInput',
  'notFound',
  'notAMember',
  'groupSize',
  'noActiveCycle',
  'sessionClosed',
  'questionNotInAgenda',
  'wrongQuestionKind',
  'proposalNotReady',
  'alreadySetUp',
  'forbidden',
  'conflict',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** How an input broke its rule: empty, too long, out of its range, or not in the right form. */
export type InputRule = 'required' | 'tooLong' | 'range' | 'format';

/**
 * Which input a refusal is about, so a form can come back with the reason next to that field.
 * `field` is the domain's name for it; `params` are numbers for the message (e.g. max, count).
 */
export interface RefusedField {
  field: string;
  rule: InputRule;
  params?: Record<string, number>;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    /** For logs only: never shown to users, never holds personal data. */
    readonly detail?: string,
    /** Set when one input is at fault; the Teams layer shows the reason next to it. */
    readonly input?: RefusedField,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
