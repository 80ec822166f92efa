/** Every way a poll action can be refused; the Teams layer shows each as a friendly card. */
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
  'wrongPlace',
  'badDate',
  'pollFull',
] as const;

export type PollErrorCode = (typeof POLL_ERROR_CODES)[number];

export class PollError extends Error {
  override name = 'PollError';
  constructor(
    readonly code: PollErrorCode,
    /** Safe to show: team or channel names the user typed or may choose from; never answers. */
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

export function isPollError(err: unknown): err is PollError {
  return err instanceof PollError;
}
