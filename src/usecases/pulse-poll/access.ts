import { DomainError } from '../../domain/shared/errors';
import { PulsePollDeps } from './deps';

/**
 * HR: listed by id, or a member of the HR group. Entra object ids are GUIDs: their letters' case
 * means nothing (HR_USER_IDS may be written in capitals). `whenUnknown`: the answer when the
 * directory cannot tell.
 */
async function hrMembership(deps: PulsePollDeps, userId: string, whenUnknown: boolean): Promise<boolean> {
  const id = userId.toLowerCase();
  if (deps.hr.userIds.some((hr) => hr.toLowerCase() === id)) return true;
  if (!deps.hr.groupId) return false;
  return deps.directory.isInGroup(userId, deps.hr.groupId).catch(() => whenUnknown);
}

/** Whether someone is HR, for granting HR's views: a directory that cannot answer means no. */
export function isHr(deps: PulsePollDeps, userId: string): Promise<boolean> {
  return hrMembership(deps, userId, false);
}

/**
 * Whether a manager may be HR, for leaving their conversations out of the HR report's facilitation
 * minimum: there a directory that cannot answer counts as yes, the side that hides a month rather
 * than shows one (isHr's no would let an HR manager's conversations lift it over the minimum).
 */
export function mayBeHr(deps: PulsePollDeps, userId: string): Promise<boolean> {
  return hrMembership(deps, userId, true);
}

export async function requireHr(deps: PulsePollDeps, userId: string): Promise<void> {
  if (!(await isHr(deps, userId))) throw new DomainError('notHr');
}
