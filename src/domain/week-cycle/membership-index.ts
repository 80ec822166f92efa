import { stableId } from '../shared/ids';
import { MembershipEntry } from './ports';

/**
 * The groups one person belongs to, or once belonged to, kept in their own partition and
 * updated when membership changes. Their verantwoording, export, erasure and proposal search
 * start here, so no user turn has to search every group's partition for them.
 */
export interface MembershipIndexDoc {
  id: string;
  type: 'membershipIndex';
  userId: string;
  groups: Record<string, Omit<MembershipEntry, 'groupId'>>;
  updatedAt: string;
  /** Never expires with the rest of the person's records: it is how their history is found. Erasure removes it. */
  ttl: -1;
}

export function membershipIndexId(userId: string): string {
  return stableId('mi', userId);
}

export function blankMembershipIndex(userId: string, at: string): MembershipIndexDoc {
  return { id: membershipIndexId(userId), type: 'membershipIndex', userId, groups: {}, updatedAt: at, ttl: -1 };
}

/**
 * Records joining or leaving; the same object back when nothing changes, so a retry writes nothing.
 * Joining again keeps when they last left (`leftAt`): the weeks of their earlier stint stay theirs.
 */
export function withMembership(index: MembershipIndexDoc, groupId: string, groupName: string, member: boolean, at: string): MembershipIndexDoc {
  const current = index.groups[groupId];
  if (current && current.member === member && current.groupName === groupName) return index;
  const since = current?.member === member ? current.since : at;
  const leftAt = member ? (current && !current.member ? current.since : current?.leftAt) : undefined;
  return { ...index, groups: { ...index.groups, [groupId]: { groupName, member, since, ...(leftAt ? { leftAt } : {}) } }, updatedAt: at };
}

/**
 * A newcomer's join as her press records it (`recordJoin`): as `withMembership`, and an entry that
 * names her a member already (an earlier delivery of the press wrote it; the group does not list her
 * yet) is stamped `at` as well, unless stamped later. That delivery, answered late, takes back only
 * the entry stamped with its own `at` (`withoutJoin`): it then misses the join this press answers
 * with (found in review, stop 67).
 */
export function withJoinStampedAt(index: MembershipIndexDoc, groupId: string, groupName: string, at: string): MembershipIndexDoc {
  const current = index.groups[groupId];
  if (!current?.member) return withMembership(index, groupId, groupName, true, at);
  // Stamped at or after this press already (by a later delivery): kept, so this press's own retry,
  // finding its create done after that delivery stamped it, does not stamp it back to its own `at`.
  const since = Date.parse(current.since) >= Date.parse(at) ? current.since : at;
  if (since === current.since && current.groupName === groupName) return index;
  // What it stamps over is kept: this press answered late takes back only its own stamp and puts
  // that one back, so the earlier delivery's join it found stays (found in own review, stop 67).
  const stampedOver = since === current.since ? current.stampedOver : current.since;
  return { ...index, groups: { ...index.groups, [groupId]: { ...current, groupName, since, ...(stampedOver ? { stampedOver } : {}) } }, updatedAt: at };
}

/**
 * A member as a setup press (`press`: its tag) names them (`setUpGroup`): an entry that names them a
 * member already is kept as it is (renamed with the group), so a save names nobody's join anew,
 * unless this very press wrote it (an earlier delivery of it): that one is stamped `at` as a
 * newcomer's redelivered join is (`withJoinStampedAt`), so that delivery, answered late, does not
 * take back what this one is answered with. Otherwise a join as `withMembership`'s, tagged.
 */
export function withSetupJoin(index: MembershipIndexDoc, groupId: string, groupName: string, at: string, press: string | undefined): MembershipIndexDoc {
  const current = index.groups[groupId];
  if (current?.member) return press !== undefined && current.press === press ? withJoinStampedAt(index, groupId, groupName, at) : withMembership(index, groupId, groupName, true, at);
  const joined = withMembership(index, groupId, groupName, true, at);
  return press === undefined ? joined : { ...joined, groups: { ...joined.groups, [groupId]: { ...joined.groups[groupId]!, press } } };
}

/**
 * The index without a join `withMembership` recorded at `at`: the group's entry as it was before
 * (a former member's, when they left), or none; undefined when it then names no group. The same
 * object back when the entry is not that join (changed since, or never written). A join a later
 * delivery stamped over, taken back by its own delivery (answered too late), is withdrawn from
 * under that stamp: if the later delivery is taken back too, the entry goes rather than putting
 * back a join nobody was answered with (found in review, stop 68).
 */
export function withoutJoin(index: MembershipIndexDoc, groupId: string, at: string): MembershipIndexDoc | undefined {
  const entry = index.groups[groupId];
  if (entry?.member && entry.since !== at && entry.stampedOver === at) {
    const { stampedOver: _withdrawn, ...rest } = entry;
    return { ...index, groups: { ...index.groups, [groupId]: rest } };
  }
  if (!entry?.member || entry.since !== at) return index;
  // A redelivered join's own stamp over an earlier delivery's join: that join is put back, not removed.
  if (entry.stampedOver) {
    const { stampedOver, ...rest } = entry;
    return { ...index, groups: { ...index.groups, [groupId]: { ...rest, since: stampedOver } } };
  }
  const { [groupId]: _taken, ...others } = index.groups;
  const groups = entry.leftAt ? { ...others, [groupId]: { groupName: entry.groupName, member: false, since: entry.leftAt } } : others;
  return Object.keys(groups).length ? { ...index, groups } : undefined;
}
