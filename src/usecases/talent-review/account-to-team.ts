import { TeamAccountDelivery, teamAccountKey, teamAccountText } from '../../domain/talent-review/team-account';
import { TalentReviewDeps } from './deps';

/** Who the account went to (their names as the directory has them) and its words as sent, or why it went to nobody. */
export type TeamAccountOutcome = { status: 'noTeam' } | { status: 'sent'; recipients: string[]; text: string; toOwnManager: boolean };

export interface TeamAccountInput {
  managerId: string;
  /** How the team's cards name the manager (their Teams name). */
  managerName?: string;
  text?: string;
  /** The key of the press, set when the form was rendered: the same press delivered again sends nothing twice. */
  pressKey: string;
  /** Also to the manager's own manager in the directory, where there is one. */
  alsoOwnManager?: boolean;
  /** The ids the form said it goes to: nobody else gets it (a report added since did not read as meant for them). */
  listed?: string[];
}

/** The manager's team as the directory has it now: their direct reports (never themselves). */
export async function teamOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<{ id: string; name: string }[]> {
  const reports = await deps.directory.directReports(managerId);
  return reports.filter((p) => p.id !== managerId).map((p) => ({ id: p.id, name: p.name }));
}

/** The manager's own manager in the directory, if any (never themselves). */
export async function ownManagerOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<string | undefined> {
  const above = await deps.directory.managerOf(managerId);
  return above && above !== managerId ? above : undefined;
}

/**
 * The manager accounts to their team: each direct report in the directory gets the manager's
 * words in their own 1:1 chat, and their own manager too when they choose so. Nothing is stored but the queued cards (each under the press's key
 * and the member); a directory that does not answer refuses before anything is queued.
 */
export async function accountToTeam(deps: Pick<TalentReviewDeps, 'directory'>, delivery: TeamAccountDelivery, input: TeamAccountInput): Promise<TeamAccountOutcome> {
  // The words first: refused ones come back to the form before anything is looked up.
  const text = teamAccountText(input.text);
  // The team now, and of it only whom the form named: someone who left is not told, someone new was not written to.
  const listed = input.listed ? new Set(input.listed) : undefined;
  const team = (await teamOf(deps, input.managerId)).filter((m) => !listed || listed.has(m.id));
  if (!team.length) return { status: 'noTeam' };
  // Every lookup before the first card: a directory that fails half-way leaves nothing half-sent.
  const up = input.alsoOwnManager ? await ownManagerOf(deps, input.managerId) : undefined;
  const name = input.managerName?.trim();
  const account = { managerId: input.managerId, ...(name ? { managerName: name } : {}), text };
  for (const member of team) await delivery.deliver(account, { memberId: member.id, role: 'member' }, teamAccountKey(input.managerId, input.pressKey, member.id));
  if (up) await delivery.deliver(account, { memberId: up, role: 'ownManager' }, teamAccountKey(input.managerId, input.pressKey, up));
  return { status: 'sent', recipients: team.map((m) => m.name), text, toOwnManager: !!up };
}
