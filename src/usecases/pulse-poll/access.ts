import { DomainError } from '../../domain/shared/errors';
import { PulsePollDeps } from './deps';

/** HR: listed by id, or a member of the HR group. A directory that cannot answer means no. */
export async function isHr(deps: PulsePollDeps, userId: string): Promise<boolean> {
  if (deps.hr.userIds.includes(userId)) return true;
  if (!deps.hr.groupId) return false;
  return deps.directory.isInGroup(userId, deps.hr.groupId).catch(() => false);
}

export async function requireHr(deps: PulsePollDeps, userId: string): Promise<void> {
  if (!(await isHr(deps, userId))) throw new DomainError('notHr');
}
