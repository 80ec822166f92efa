import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { trimText, withoutControlCharacters } from '../shared/text';

/** The longest account a manager sends their team. */
export const MAX_TEAM_ACCOUNT_LENGTH = 2000;

/**
 * Accountability runs both ways (seed 002: "omgekeerd legt de leidinggevende verantwoording af aan
 * zijn teamleden"): a manager tells their team, in their own words, what they facilitated for the
 * team's learning (time, room, means), what did not work out, and what they do next. It names the
 * manager and carries only their words: nothing of any professional's record.
 */
export interface TeamAccount {
  managerId: string;
  /** How the team's cards name the manager (their Teams name); absent: "your manager". */
  managerName?: string;
  /** The manager's own words, shown to each team member as plain text. */
  text: string;
}

/** The account as it is sent: trimmed, without control characters; refused when empty or over the limit. */
export function teamAccountText(text: string | undefined): string {
  const words = trimText(withoutControlCharacters(text ?? ''));
  if (!words) throw new DomainError('invalidInput', { detail: 'team account empty', input: { field: 'text', rule: 'required' } });
  if (words.length > MAX_TEAM_ACCOUNT_LENGTH) {
    throw new DomainError('invalidInput', { detail: 'team account too long', input: { field: 'text', rule: 'tooLong', params: { max: MAX_TEAM_ACCOUNT_LENGTH, count: words.length } } });
  }
  return words;
}

/**
 * The key of one team member's card from one press (set when the form was rendered): Teams
 * delivering that press again sends nobody a second card, while a new form is a new account.
 */
export function teamAccountKey(managerId: string, pressKey: string, memberId: string): string {
  return `talentReview.teamAccount:${stableId('ta', managerId, pressKey, memberId)}`;
}

/**
 * Who gets an account: a member of the team, or the manager's own manager (the seed: "aan zijn
 * teamleden en zijn leidinggevende"), when the manager chooses to send it up as well.
 */
export type TeamAccountRecipient = { memberId: string; role: 'member' | 'ownManager' };

/** Port: delivers the account to one person's own 1:1 chat with the bot, in their language; `key` sends it once. */
export interface TeamAccountDelivery {
  deliver(account: TeamAccount, to: TeamAccountRecipient, key: string): Promise<void>;
}
