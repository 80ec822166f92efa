import { GraphDirectory } from '../../directory/graph-directory';
import { HrPeopleSource } from '../../domain/directory/hr-people';
import { tenantKey } from '../../config/env-rules';
import { Platform } from '../platform';
import { directoryFor } from './pulse-poll.feature';

/** HR_USER_IDS and HR_GROUP_ID as the cards HR gets by name need them, with the app's one directory. */
export interface HrAudience extends HrPeopleSource {
  /** Whether HR_GROUP_ID's members can be listed here (Graph): false when no group is set, or locally. */
  groupListable: boolean;
  /** Whether someone is in HR_GROUP_ID now; rejects when the directory did not answer. Absent: no group. */
  inHrGroup?: (userId: string) => Promise<boolean>;
}

/**
 * The source of "the HR people to address" (`hrPeopleToAddress`) for the weekly L&O card, the
 * half-yearly reminder and the notice of a proposal shared with L&O. The group is listed only by
 * their scheduled jobs and outbox hooks, never in a user's turn.
 */
export function hrAudience(p: Platform): HrAudience {
  const { userIds, groupId } = p.config.pulsePoll.hr;
  const home = p.config.directoryTenantId;
  const listsTenant = home ? { listsTenant: (tenantId: string) => tenantKey(tenantId) === home } : {};
  if (!groupId) return { hrUserIds: userIds, hrGroup: false, groupListable: false, ...listsTenant };
  const directory = directoryFor(p);
  const list = directory.groupUserIds?.bind(directory);
  const check = directory.checkInGroup?.bind(directory) ?? directory.isInGroup.bind(directory);
  // Microsoft Graph lists a group; the local fixed lists do not (their listing answers undefined).
  const groupListable = directory instanceof GraphDirectory;
  return {
    hrUserIds: userIds,
    hrGroup: true,
    groupListable,
    ...listsTenant,
    ...(list ? { listHrGroup: () => list(groupId) } : {}),
    inHrGroup: (userId) => check(userId, groupId),
  };
}
