import { Language } from '../../domain/framework/framework';
import { stableId } from '../../domain/shared/ids';
import { checkGroupSettings, ConversationKind, Group, GroupSettings } from '../../domain/week-cycle/group';
import { Actor, WeekCycleDeps } from './deps';
import { offerProfTrajectOnJoin } from './offer-prof-traject';
import { planAhead } from './plan-rhythm';

export function groupIdFor(conversationId: string): string {
  return stableId('grp', conversationId);
}

export interface SetUpGroupInput {
  conversationId: string;
  conversationKind: ConversationKind;
  tenantId?: string;
  conversationRef: Record<string, unknown>;
  settings: GroupSettings;
}

/**
 * Creates the group for a chat, or updates its settings when it exists (setup can be re-run).
 * Everyone who joins or leaves gets the group in (or marked out of) their membership index.
 */
export async function setUpGroup(deps: WeekCycleDeps, actor: Actor, input: SetUpGroupInput): Promise<Group> {
  const settings = checkGroupSettings(input.settings);
  const id = groupIdFor(input.conversationId);
  const now = deps.clock.now().toISOString();
  const { group: existing, created } = await deps.groups.create({
    id,
    tenantId: input.tenantId,
    conversationId: input.conversationId,
    conversationKind: input.conversationKind,
    conversationRef: input.conversationRef,
    ...settings,
    cyclesStarted: 0,
    createdBy: actor.id,
    createdAt: now,
  });
  const before = created ? [] : existing.members.map((m) => m.id);
  const group = created ? existing : await deps.groups.update(id, (g) => ({ ...g, ...settings, conversationRef: input.conversationRef }));
  const after = group.members.map((m) => m.id);
  // The person who set the group up is named on it (createdBy) even when not a member: their
  // index knows the group too, so their export and erasure find it.
  const left = [...new Set([...before, actor.id])].filter((m) => !after.includes(m));
  await deps.membership.record(id, group.name, { joined: after, left }, now);
  // The rhythm: the planned weeks are scheduled ahead, and follow new settings.
  await planAhead(deps, group, created ? undefined : existing);
  if (!created) await offerProfTrajectOnJoin(deps, group, after.filter((m) => !before.includes(m)));
  return group;
}

export async function changeLanguage(deps: WeekCycleDeps, groupId: string, language: Language): Promise<Group> {
  return deps.groups.update(groupId, (g) => (g.language === language ? g : { ...g, language }));
}
