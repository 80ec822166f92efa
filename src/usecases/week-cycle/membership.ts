import { DomainError } from '../../domain/shared/errors';
import { ChatAccount, Group, GROUP_SIZE, isAccountOf, isBeingErased, isMember, isPaused, Member, membersMissingFrom, pausedGroup, resumedGroup, sentBeforeLastErasure, withoutAccounts } from '../../domain/week-cycle/group';
import { openSaveWindow } from '../verantwoording/save-window';
import { Actor, WeekCycleDeps } from './deps';
import { offerProfTrajectOnJoin } from './offer-prof-traject';
import { resumeRhythm } from './plan-rhythm';

export async function loadGroup(deps: WeekCycleDeps, groupId: string): Promise<Group> {
  const group = await deps.groups.get(groupId);
  if (!group) throw new DomainError('notFound', 'group');
  deps.currentCycles.note(group);
  return group;
}

/**
 * A colleague in the chat who was not picked at setup may join by acting on a card, while the
 * group has room (at most eight); beyond that they are told the group is full. Someone the group
 * let go (Teams removed them from the chat, or a setup left them out) joins again only from the
 * chat: a card still on their screen does not bring them back unless Teams says they are in the
 * chat now. Takes the group as this turn read it, so a member's turn costs no extra read.
 */
export async function ensureMember(deps: WeekCycleDeps, group: Group, actor: Actor): Promise<Group> {
  if (isMember(group, actor.id)) return group;
  // Someone whose erasure is under way was taken off the list, and does not join again until it
  // is done: what they would add now could be left under their name with nothing leading to it.
  // The group as read tells (no extra read); the ETag-guarded write below checks it again.
  if (isBeingErased(group, actor)) throw new DomainError('erasureUnderway');
  // Sent before an erasure let go of the group: perhaps the erased person's own press, arriving late
  // or again; it would bring them back with what they pressed. A press sent after it joins as usual.
  if (sentBeforeLastErasure(group, actor.sentAt)) throw new DomainError('leftMeanwhile', 'sent before the latest erasure');
  // Their own index tells whether the group let them go (one read, only here: a member returned
  // above). Then only the chat's roster can say they are back in the chat (`inChat`, asked only
  // now): Teams' membersAdded makes nobody a member, nor does it mark anyone, so a missed update
  // changes nothing. Not in it, or Teams cannot tell: what they pressed is refused and nothing of
  // it stored, as a press that came in after they left.
  if ((await leftGroup(deps, group, actor.id)) && (await actor.inChat?.()) !== true) throw new DomainError('leftMeanwhile', 'left the group with the chat');
  if (group.members.length >= GROUP_SIZE.max) throw new DomainError('notAMember', 'group full');
  // Their own index first, the group second. Once the group names them every later press finds
  // them a member and returns above, so an index written after it and lost (a failed write) would
  // stay missing for good: their verantwoording, export, search and erasure start from it. This
  // way a failure leaves them out of the group, and the press again repeats both (the index write
  // is idempotent). An entry for a group whose write then fails or refuses them is harmless: the
  // group record decides membership wherever the index is read, and an erasure goes through it.
  await recordJoin(deps, group, actor.id);
  const joined = await deps.groups.update(group.id, (g) => {
    if (isMember(g, actor.id)) return g;
    if (isBeingErased(g, actor)) throw new DomainError('erasureUnderway');
    // Read again after a refused replace: an erasure that let go of the group since the first read
    // (a replace held on its way past "gewist") is seen only here (found in review, stop 67).
    if (sentBeforeLastErasure(g, actor.sentAt)) throw new DomainError('leftMeanwhile', 'sent before the latest erasure');
    if (g.members.length >= GROUP_SIZE.max) throw new DomainError('notAMember', 'group full');
    return { ...g, members: [...g.members, { id: actor.id, name: actor.name, teamsId: actor.teamsId }] };
  });
  await offerProfTrajectOnJoin(deps, joined, [actor.id]);
  return joined;
}

/**
 * A newcomer's index entry, written within a save window of her own records (one point read more,
 * on her first press only: a member returned before). The group as read cannot tell whether her
 * erasure runs: it marks only the groups her index names, and this one it does not name yet. So
 * an index write answered after the window (it may have landed after the erasure's last sweep, a
 * membership index that never expires) is taken back and the join refused (found in review, stop
 * 67); one answered within it landed before that sweep, which finds this group by it.
 */
async function recordJoin(deps: WeekCycleDeps, group: Group, userId: string): Promise<void> {
  const window = await openSaveWindow(deps.ownRecords, userId);
  const at = deps.clock.now().toISOString();
  await window.keepWith(
    // Stamped `at` also where her entry is there already: an earlier delivery of this press wrote
    // it, whose late take-back (its own `at`) would otherwise remove the join this press answers with.
    () => deps.membership.recordJoin(group.id, group.name, userId, at),
    () => deps.membership.takeBackJoin(group.id, userId, at),
  );
}

/**
 * Whether someone who is not a member left this group (Teams removed them from the chat, or a
 * setup left them out), as their own index says: not a newcomer, who may look and join. One
 * read, only for someone who is not a member.
 */
export async function leftGroup(deps: WeekCycleDeps, group: Group, userId: string): Promise<boolean> {
  if (isMember(group, userId)) return false;
  return (await deps.membership.groupsOf(userId)).some((e) => e.groupId === group.id && !e.member);
}

/**
 * Refuses, after the fact, an addition whose author is no longer a member of its group as stored
 * now (an erasure began or ended while it was written: nothing would lead to it): `takeBack`
 * removes it first. A member's addition passes. One read.
 */
export async function takeBackIfAuthorLeft(deps: WeekCycleDeps, groupId: string, authorId: string, takeBack: () => Promise<void>): Promise<void> {
  const group = await deps.groups.get(groupId);
  if (!group || isMember(group, authorId)) return;
  await takeBack();
  throw new DomainError(isBeingErased(group, { id: authorId }) ? 'erasureUnderway' : 'leftMeanwhile', 'left the group while the addition was written');
}

export async function requireMember(deps: WeekCycleDeps, groupId: string, actor: Actor): Promise<Group> {
  return ensureMember(deps, await loadGroup(deps, groupId), actor);
}

/**
 * People Teams removed from the group's chat leave the group, as those a setup leaves out do:
 * the group record stops naming them (it decides what they see of the group: its proposals in
 * search, its cards, its new weeks in their verantwoording), and their membership index marks
 * the group as left, so their own verantwoording still finds what they wrote there. Nothing is
 * deleted. Someone who acts in the chat again later joins again, as anyone new does.
 *
 * Idempotent: a redelivered update finds them gone and writes nothing to the group; it only
 * marks an index the first delivery did not reach (the group was written, then the turn failed).
 * One whose index says they joined again after the update was sent (`told.sentAt`, Teams' stamp,
 * the same on a redelivery) stays while the chat's roster (`told.roster`) still lists them: that
 * update is older than their return. Returns the ids of those who left.
 */
export async function leaveWithChat(deps: WeekCycleDeps, groupId: string, accounts: ChatAccount[], told?: RemovalAsTold): Promise<string[]> {
  if (accounts.length === 0) return [];
  const group = await deps.groups.get(groupId);
  return group ? (await leave(deps, group, accounts, told)).left : [];
}

/** A removal as Teams told it: when it was sent, and the chat's roster now (undefined when it cannot be read whole). */
export interface RemovalAsTold {
  sentAt?: string;
  roster(): Promise<ChatAccount[] | undefined>;
}

/**
 * The app was added (back) to the group's chat. While it was away Teams told it of nobody
 * leaving, so the members the chat's complete roster no longer names leave now. Takes the group
 * as the install's turn read it; returns who left and the group after.
 */
export async function keepToChatRoster(deps: WeekCycleDeps, group: Group, roster: ChatAccount[]): Promise<{ left: string[]; group: Group }> {
  // An empty roster is a failed read, not an empty chat (the one who added the app is in it).
  const missing = roster.length ? membersMissingFrom(group, roster) : [];
  return missing.length ? leave(deps, group, missing.map((m) => ({ teamsId: m.teamsId ?? m.id, aadObjectId: m.id }))) : { left: [], group };
}

/**
 * The app was removed from the group's chat (uninstalled). Teams refuses its messages there, so
 * the group pauses: its rhythm opens no session and reminds no one (planned-session.ts) until the
 * app is back. Its members, history and plan stay as they are. The rhythm's pending jobs are not
 * cancelled: they do nothing while the group is paused, and those of a week still to come when
 * it resumes run as planned (a cancelled job cannot be scheduled again under its id).
 * Idempotent: a redelivered update finds the group paused and writes nothing. Returns whether
 * this call paused it.
 */
export async function pauseWithChat(deps: WeekCycleDeps, groupId: string): Promise<boolean> {
  const group = await deps.groups.get(groupId);
  if (!group || isPaused(group)) return false;
  const at = deps.clock.now().toISOString();
  let pausedNow = false;
  await deps.groups.update(groupId, (g) => {
    const next = pausedGroup(g, at);
    pausedNow = next !== g;
    return next;
  });
  return pausedNow;
}

/**
 * The app was added (back) to the group's chat: a paused group goes on. The weeks that passed
 * meanwhile are planned again from today and the next week's jobs are scheduled first, then the
 * pause is lifted: a turn that fails in between leaves the group paused (its jobs inert), and the
 * next install resumes it. Takes the group as the install's turn read it (the pause is lifted
 * ETag-guarded on the stored one); returns the resumed group, or nothing when it was not paused.
 */
export async function resumeWithChat(deps: WeekCycleDeps, group: Group): Promise<Group | undefined> {
  if (!isPaused(group)) return undefined;
  await resumeRhythm(deps, resumedGroup(group));
  return deps.groups.update(group.id, resumedGroup);
}

/**
 * A group in a shared or private channel saved before the app told those apart names the host
 * team in its conversation reference, and is taken for one of the team's own channels: the
 * team's roster would decide its members when the app comes back to the team, that return would
 * resume it though the channel may not allow the app, and it would get the team's B3 mirror. The
 * app's own removal from (or return to) that channel, which Teams tells there, drops the team.
 * Takes the group as the turn read it; a group that names no team is not written (idempotent).
 * Returns the group after.
 */
export async function forgetHostTeam(deps: WeekCycleDeps, group: Group): Promise<Group> {
  if (!namesTeam(group.conversationRef)) return group;
  return deps.groups.update(group.id, (g) => {
    if (!namesTeam(g.conversationRef)) return g;
    const { team: _team, ...ref } = g.conversationRef;
    return { ...g, conversationRef: ref };
  });
}

function namesTeam(conversationRef: Record<string, unknown>): boolean {
  return conversationRef.team !== undefined;
}

async function leave(deps: WeekCycleDeps, group: Group, accounts: ChatAccount[], told?: RemovalAsTold): Promise<{ left: string[]; group: Group }> {
  const named = group.members.filter((m) => accounts.some((a) => isAccountOf(m, a)));
  const back = told?.sentAt ? await backInChat(deps, group.id, named, told.sentAt, told.roster) : [];
  const leaving = named.map((m) => m.id).filter((id) => !back.includes(id));
  const goes = accounts.filter((a) => !named.some((m) => back.includes(m.id) && isAccountOf(m, a)));
  // ETag-guarded: concurrent updates (several people removed at once) each land on the latest group.
  const after = leaving.length ? await deps.groups.update(group.id, (g) => withoutAccounts(g, goes)) : group;
  const others = accounts.map((a) => a.aadObjectId).filter((id): id is string => !!id && !leaving.includes(id) && !back.includes(id));
  const unrecorded = await stillIndexedAsMember(deps, group.id, others);
  const left = [...new Set([...leaving, ...unrecorded])].filter((id) => !isMember(after, id));
  if (left.length) await deps.membership.record(group.id, after.name, { joined: [], left }, deps.clock.now().toISOString());
  return { left, group: after };
}

/**
 * Those of the group's members an update names whose own index says they joined (again) after it
 * was sent (found in review, stop 68: a removal redelivered after the person was added back and
 * pressed took them off again). One index read per member the update names, only on a removal.
 */
async function joinedSince(deps: WeekCycleDeps, groupId: string, userIds: string[], sentAt: string): Promise<string[]> {
  const entries = await Promise.all(userIds.map(async (id) => (await deps.membership.groupsOf(id)).find((e) => e.groupId === groupId)));
  return userIds.filter((_, i) => entries[i]?.member && Date.parse(entries[i]!.since) > Date.parse(sentAt));
}

/**
 * Those joinedSince names who are in the chat now. Their index's stamp is the app's clock, the
 * removal's is Teams': a removal made while the setup that added them was under way (or stamped by
 * a clock a little behind) also reads as older than their join (found in own review, stop 68: a
 * real removal was ignored and they stayed in the group for good). The roster tells a return from
 * that: read only on this rare path; unreadable, the removal (Teams' word) holds.
 */
async function backInChat(deps: WeekCycleDeps, groupId: string, named: Member[], sentAt: string, roster: () => Promise<ChatAccount[] | undefined>): Promise<string[]> {
  const since = await joinedSince(deps, groupId, named.map((m) => m.id), sentAt);
  if (!since.length) return [];
  const inChat = await roster();
  if (!inChat?.length) return [];
  return named.filter((m) => since.includes(m.id) && inChat.some((a) => isAccountOf(m, a))).map((m) => m.id);
}

/** A few index reads at a time: a team's update may name many people, most of them in no group. */
const INDEX_READS_AT_ONCE = 8;

/** Those whose membership index still names the group as theirs. */
async function stillIndexedAsMember(deps: WeekCycleDeps, groupId: string, userIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < userIds.length; i += INDEX_READS_AT_ONCE) {
    const batch = userIds.slice(i, i + INDEX_READS_AT_ONCE);
    const indexed = await Promise.all(batch.map(async (id) => (await deps.membership.groupsOf(id)).some((e) => e.groupId === groupId && e.member)));
    out.push(...batch.filter((_, k) => indexed[k]));
  }
  return out;
}
