/** Refusals of the Vitale Weekcyclus, the verantwoording and the other features' shared rules. */
const GENERAL_ERROR_CODES = [
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
  'otherGroup',
  'conflict',
  /** The person's own erasure is under way: their actions wait until it is done. */
  'erasureUnderway',
  /** The member left the group (removed from the chat, or erased) while their action was written: taken back. */
  'leftMeanwhile',
  /** A check-out score before check-out opened (a crafted or stale press): not stored. */
  'checkOutNotOpen',
  /**
   * The organisation's directory (who manages whom) did not answer: no answer, so neither "yes"
   * nor "not your report". Nothing was stored; the same action later works.
   */
  'directoryUnavailable',
  /**
   * A save of the person's own records answered after its save window (a slow store): what it
   * wrote was taken back, so nothing of it is kept; the same save again works.
   */
  'saveTooSlow',
] as const;

/** Refusals of the B3-spiegel pulse poll; most name a team, channel or date the user typed. */
export const POLL_ERROR_CODES = [
  'notHr',
  'incompleteAnswer',
  'pollClosed',
  'noPoll',
  'unknownTeam',
  'ambiguousTeam',
  'unknownChannel',
  'noTeams',
  'notInTeam',
  'alreadyOpen',
  /** A team of the start shares members with a team of another poll still open: two cuts one person apart. */
  'overlapsOpen',
  /** Whether a start overlaps an open poll could not be checked (a roster did not answer): nothing started, try later. */
  'overlapUnknown',
  /** Another poll start of the tenant is under way (its start lease): nothing started, try again in a minute. */
  'startBusy',
  'wrongPlace',
  'badDate',
  'pollFull',
  'pollBusy',
] as const;

/** Every way a user action can be refused. The Teams layer turns each into a friendly card. */
export const ERROR_CODES = [...GENERAL_ERROR_CODES, ...POLL_ERROR_CODES] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type PollErrorCode = (typeof POLL_ERROR_CODES)[number];

export function isPollErrorCode(code: string): code is PollErrorCode {
  return (POLL_ERROR_CODES as readonly string[]).includes(code);
}

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

/**
 * Words the message may show: names the user typed or may choose from (a team, a channel, a
 * date), never answers or personal data.
 */
export type DisplayParams = Record<string, string>;

export interface DomainErrorDetails {
  /** For logs only: never shown to users, never holds personal data. */
  detail?: string;
  /** Set when one input is at fault; the Teams layer shows the reason next to it. */
  input?: RefusedField;
  /** Filled into the message shown to the user. */
  params?: DisplayParams;
}

/** The one coded error of the domain and the use cases; a bare string is its log detail. */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly detail?: string;
  readonly input?: RefusedField;
  readonly params: DisplayParams;

  constructor(
    readonly code: ErrorCode,
    details: string | DomainErrorDetails = {},
  ) {
    const { detail, input, params } = typeof details === 'string' ? { detail: details } : details;
    super(detail ? `${code}: ${detail}` : code);
    this.detail = detail;
    this.input = input;
    this.params = params ?? {};
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
