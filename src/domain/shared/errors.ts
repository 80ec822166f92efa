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

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    /** For logs only: never shown to users, never holds personal data. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
