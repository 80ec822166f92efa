import { DomainError } from '../../domain/shared/errors';
import { Group, GROUP_SIZE, isMember } from '../../domain/week-cycle/group';
import { Actor, WeekCycleDeps } from './deps';
import { offerProfTrajectOnJoin } from './offer-prof-traject';

export async function loadGroup(deps: WeekCycleDeps, groupId: string): Promise<Group> {
  const group = await deps.groups.get(groupId);
  if (!group) throw new DomainError('notFound', 'group');
  return group;
}

/**
 * A colleague in the chat who was not picked at setup may join by acting on a card, while the
 * group has room (at most eight); beyond that they are told the group is full. Takes the group
 * as this turn read it, so a member's turn costs no extra read.
 */
export async function ensureMember(deps: WeekCycleDeps, group: Group, actor: Actor): Promise<Group> {
  if (isMember(group, actor.id)) return group;
  if (group.members.length >= GROUP_SIZE.max) throw new DomainError('notAMember', 'group full');
  const joined = await deps.groups.update(group.id, (g) => {
    if (isMember(g, actor.id)) return g;
    if (g.members.length >= GROUP_SIZE.max) throw new DomainError('notAMember', 'group full');
    return { ...g, members: [...g.members, { id: actor.id, name: actor.name, teamsId: actor.teamsId }] };
  });
  await deps.membership.record(group.id, joined.name, { joined: [actor.id], left: [] }, deps.clock.now().toISOString());
  await offerProfTrajectOnJoin(deps, joined, [actor.id]);
  return joined;
}

export async function requireMember(deps: WeekCycleDeps, groupId: string, actor: Actor): Promise<Group> {
  return ensureMember(deps, await loadGroup(deps, groupId), actor);
}
