import { isDeepStrictEqual } from 'node:util';
import { Language } from '../../domain/framework/framework';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { stableId } from '../../domain/shared/ids';
import { checkGroupSettings, ConversationKind, Group, GROUP_SIZE, GroupSettings, isBeingErased, isMember, Member, mergeSettings, revisionOf, sameSettings, SettingsField, SettingsSeen, setupKeyTag, withSetupKey } from '../../domain/week-cycle/group';
import { Actor, WeekCycleDeps } from './deps';
import { endPlannedWeeksIfDone } from './planned-weeks-end';
import { offerProfTrajectOnJoin } from './offer-prof-traject';
import { planAhead } from './plan-rhythm';
import { openSaveWindow, SaveWindow } from '../verantwoording/save-window';

/** Group ids of the chats seen lately: every press on a group's card checks its chat against it (see fromGroupChat). */
const GROUP_IDS_KEPT = 1000;
const groupIds = new Map<string, string>();

export function groupIdFor(conversationId: string): string {
  let id = groupIds.get(conversationId);
  if (id === undefined) {
    id = stableId('grp', conversationId);
    if (groupIds.size >= GROUP_IDS_KEPT) groupIds.clear();
    groupIds.set(conversationId, id);
  }
  return id;
}

export interface SetUpGroupInput {
  conversationId: string;
  conversationKind: ConversationKind;
  tenantId?: string;
  conversationRef: Record<string, unknown>;
  settings: GroupSettings;
  /**
   * What the form showed when it was opened. With it only what the presser changed is written (see
   * mergeSettings); without it (a card from before forms carried it) the save wins whatever is stored.
   */
  seen?: SettingsSeen;
  /** The press (the form's key, or the activity's id): the same press delivered again after another member's save changes nothing. */
  pressKey?: string;
  /**
   * Told when this save changed what runs (see RhythmSetting), after the membership, the plan and
   * the jobs followed: last, so a message that cannot be queued never fails a save whose group was
   * stored (the hook logs that and returns). `saveKey` names the group's revision this save wrote
   * (and hashes no one's id): the same when the store's answer was lost and the write retried, and
   * a new one for every later save, also one from the same form with the same values.
   */
  rhythmChanged?(group: Group, changed: RhythmSetting[], saveKey: string): Promise<void>;
}

/** The settings that decide when the group meets: a change to one of them is told in the chat. */
export type RhythmSetting = 'startTime' | 'timeZone' | 'days' | 'plannedWeeks';

/** Which of the settings that decide when the group meets differ between two versions of the group (days as a set). */
export function rhythmChanges(before: Group, after: Group): RhythmSetting[] {
  const days = (g: Group) => [...g.schedule.days].sort((a, b) => a - b).join(',');
  const changed: RhythmSetting[] = [];
  if (before.schedule.startTime !== after.schedule.startTime) changed.push('startTime');
  if (before.schedule.timeZone !== after.schedule.timeZone) changed.push('timeZone');
  if (days(before) !== days(after)) changed.push('days');
  if (before.plannedWeeks !== after.plannedWeeks) changed.push('plannedWeeks');
  return changed;
}

/**
 * One press of the setup form: who pressed (the member's tag on the group, which an erasure
 * finds), then its key and what it saved from what it showed.
 */
function setupPressKey(groupId: string, pressKey: string, actor: Actor, input: SetUpGroupInput): string {
  return `${setupKeyTag(groupId, actor.id)}.${stableId('gs', pressKey, JSON.stringify(input.settings), JSON.stringify(input.seen ?? null))}`;
}

/**
 * The group's revision a save wrote, for the message about it: every write of changed settings
 * counts one, so a later save is never taken for an earlier one (the same form saved again after
 * another member's save is told too). With the group's creation, so a group set up anew in the
 * same chat does not meet the keys of the one before. Hashed over no one's id: it outlives an erasure.
 */
function rhythmSaveKey(group: Group): string {
  return stableId('gr', group.createdAt, String(revisionOf(group)));
}

/** The group's settings changed since the form was opened, in the same field as the presser's change. */
function changedMeanwhile(field: SettingsField, detail: string): DomainError {
  return new DomainError('conflict', { detail, input: { field, rule: 'format', params: { settingsChanged: 1 } } });
}

/**
 * The settings this save leaves stored. Runs under the group's ETag, so it is decided again on
 * the latest group when another save came in between (never on the stale one a retry re-applies).
 */
function settingsAfter(stored: Group, mine: GroupSettings, seen: SettingsSeen | undefined): GroupSettings {
  // Someone whose erasure is under way was taken off the group by it, and is not put back by a
  // form that still lists them (ensureMember refuses their own join in the same way).
  if (mine.members.some((m) => isBeingErased(stored, m))) {
    throw new DomainError('forbidden', { detail: 'setup lists a member whose erasure is under way', input: { field: 'members', rule: 'format', params: { erasing: 1 } } });
  }
  if (!seen) return mine;
  const { settings, collisions } = mergeSettings(stored, seen, mine);
  // The revisions in the log say which version the form stood on; the merge itself compares
  // values, so writes that count no revision (a colleague joining, the erasure) are kept too.
  const revs = `form rev ${seen.rev}, stored rev ${revisionOf(stored)}`;
  if (collisions.length) throw changedMeanwhile(collisions[0]!, `changed meanwhile (${revs}): ${collisions.join(',')}`);
  try {
    return checkGroupSettings(settings);
  } catch (err) {
    // The presser's own form passed; together with what changed meanwhile it does not (say, nine
    // members): theirs to decide, with what is stored now in front of them.
    if (isDomainError(err) && err.input) throw changedMeanwhile(err.input.field as SettingsField, `merged settings refused (${revs}): ${err.detail}`);
    throw err;
  }
}

/**
 * Someone in the chat who is not in a full group cannot join it by a press (see `ensureMember`),
 * and neither rewrites its members or schedule through the settings form: they ask a member. The
 * one who set the group up may change it without being in it; a group with room takes anyone, as
 * a press would.
 */
function refuseOutsiderOfFullGroup(group: Group, actor: Actor): void {
  if (isMember(group, actor.id) || group.createdBy === actor.id || group.members.length < GROUP_SIZE.max) return;
  throw new DomainError('notAMember', 'group full');
}

/** JSON as stored: a property left undefined in memory is absent from the stored document. */
const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Whether the group stores exactly what this save would write (the settings in full, member order too, and the conversation reference). */
function holdsAlready(group: Group, next: GroupSettings, conversationRef: Record<string, unknown>): boolean {
  const written: Record<string, unknown> = { ...next, conversationRef };
  const stored = group as unknown as Record<string, unknown>;
  return Object.keys(written).every((key) => isDeepStrictEqual(asStored(stored[key]), asStored(written[key])));
}

/** A setup save's outcome: the group as stored, and whom the form named that it could not add (`notAdded`, told to the setter). */
export interface SetUpGroupOutcome {
  group: Group;
  notAdded: Member[];
}

/**
 * Creates the group for a chat, or updates its settings when it exists (setup can be re-run).
 * Everyone who joins or leaves gets the group in (or marked out of) their membership index.
 */
export async function setUpGroup(deps: WeekCycleDeps, actor: Actor, input: SetUpGroupInput): Promise<SetUpGroupOutcome> {
  const settings = checkGroupSettings(input.settings);
  const id = groupIdFor(input.conversationId);
  const now = deps.clock.now().toISOString();
  const key = input.pressKey ? setupPressKey(id, input.pressKey, actor, input) : undefined;
  // Their own index first, the group second, as `ensureMember` (found in review, stop 68: written
  // after the group, an index write that failed left an error card over a stored member with no
  // index, and every later press found them a member and wrote none, so their erasure missed the
  // group). Those the group names already have theirs; an entry for a group write that then fails
  // is harmless (the group record decides membership wherever the index is read).
  const found = await deps.groups.get(id);
  const joins = await indexInWindows(deps, id, settings.name, settings.members.filter((m) => !found || !isMember(found, m.id)), input.pressKey);
  let notAdded: Member[] = [];
  // Named only when kept: a member already, or a newcomer whose entry was kept and whose check came
  // after the group's latest erasure let go of it (an erasure that ended meanwhile may have been theirs).
  const nameable = (g: Group | undefined) => (m: Member) => {
    if (g && isMember(g, m.id)) return true;
    const join = joins.get(m.id);
    return !!join?.kept && !(g?.lastErasureAt && Date.parse(g.lastErasureAt) >= Date.parse(join.checkedAt));
  };
  const addable = (g: Group | undefined, next: GroupSettings): GroupSettings => {
    notAdded = next.members.filter((m) => !nameable(g)(m));
    if (!notAdded.length) return next;
    const members = next.members.filter(nameable(g));
    // Fewer than a group holds: nothing of the save is written; the form comes back to be saved again.
    if (members.length < GROUP_SIZE.min) throw new DomainError('saveTooSlow', 'too few of the members named could be indexed');
    return { ...next, members };
  };
  const { group: existing, created } = found
    ? { group: found, created: false }
    : await deps.groups.create({
        id,
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        conversationKind: input.conversationKind,
        conversationRef: input.conversationRef,
        ...addable(undefined, settings),
        rev: 1,
        cyclesStarted: 0,
        createdBy: actor.id,
        createdAt: now,
        ...(key ? { setupKeys: [key] } : {}),
      });
  if (!created) notAdded = [];
  // The group as this save found it under the ETag: another save may have come in since `existing` was read.
  let previous = existing;
  let wrote = false;
  let replayed = false;
  const written = created
    ? existing
    : await deps.groups.update(id, (g) => {
        notAdded = [];
        replayed = false;
        // This very press stored before (its answer lost, or Teams delivering it again after
        // another member's save): nothing to write, and nothing "changed meanwhile" to refuse.
        // Whom the form names and the group does not list were not added by it: told again, as
        // the first delivery told them (found in own review, stop 68: answered as saved, Eva missing).
        if (key && g.setupKeys?.includes(key)) {
          if (!wrote) previous = g;
          replayed = true;
          notAdded = settings.members.filter((m) => !isMember(g, m.id));
          return g;
        }
        refuseOutsiderOfFullGroup(g, actor);
        const next = addable(g, settingsAfter(g, settings, input.seen));
        // Unchanged: nothing to write but the press's key, so that press again finds it. This is
        // also how a retry finds its own replace that landed with the answer lost; `previous` then
        // stays the group from before that replace, so the rhythm and the membership below follow
        // the change.
        if (holdsAlready(g, next, input.conversationRef)) {
          if (!wrote) previous = g;
          return key ? { ...g, setupKeys: withSetupKey(g.setupKeys, key) } : g;
        }
        previous = g;
        wrote = true;
        // Written also when the settings stay the same (the conversation reference may not).
        return { ...g, ...next, conversationRef: input.conversationRef, rev: sameSettings(g, next) ? revisionOf(g) : revisionOf(g) + 1, ...(key ? { setupKeys: withSetupKey(g.setupKeys, key) } : {}) };
      });
  const before = created ? [] : previous.members.map((m) => m.id);
  // The person who set the group up is named on it (createdBy) even when not a member: their
  // index knows the group too, so their export and erasure find it.
  const left = [...new Set([...before, actor.id])].filter((m) => !isMember(written, m));
  if (replayed) await takeBackUnlisted(deps, id, joins, notAdded);
  const group = await keepCreateInWindows(deps, written, created, joins);
  await renameIndexed(deps, group, created ? undefined : previous, joins, settings.name);
  if (left.length) await recordLeft(deps, group, left, now);
  const after = group.members.map((m) => m.id);
  // The rhythm: the planned weeks are scheduled ahead, and follow new settings.
  await planAhead(deps, group, created ? undefined : previous);
  if (!created) await offerProfTrajectOnJoin(deps, group, after.filter((m) => !before.includes(m)));
  // Planned weeks lowered to the week just completed ("this was it"): that week ends them now.
  if (!created && group.plannedWeeks !== previous.plannedWeeks) await endPlannedWeeksIfDone(deps, group, previous.plannedWeeks);
  // The chat hears of it once what runs follows the change (found in review, stop 62: told first,
  // a message that could not be queued failed the save after the group was stored, and left the
  // membership, the plan and the jobs undone).
  const changed = created ? [] : rhythmChanges(previous, group);
  if (changed.length && input.rhythmChanged) await input.rhythmChanged(group, changed, rhythmSaveKey(group));
  return { group, notAdded };
}

/** A newcomer's index entry as this save wrote it: kept (answered within the window) or not, and when their window's check was made. */
interface NewcomerJoin {
  kept: boolean;
  checkedAt: string;
  window?: SaveWindow;
  /** The stamp this delivery wrote the join with (when kept): a take-back undoes only that one. */
  at?: string;
}

/**
 * Each member the form names who is not in the group yet gets the group in their membership
 * index, within a save window of their own records (found in review, stop 67), before the group
 * names them. One refused (their erasure under way, or the write answered too late and taken
 * back) is not named by the group, and the setter is told. One point read more per newcomer
 * (their erasure's ticket) and their index's write, all at once; none for those already members.
 */
async function indexInWindows(deps: WeekCycleDeps, groupId: string, groupName: string, members: Member[], pressKey: string | undefined): Promise<Map<string, NewcomerJoin>> {
  const press = pressKey === undefined ? undefined : stableId('sp', groupId, pressKey);
  const joins = await Promise.all(members.map(async (m) => [m.id, await indexNewcomer(deps, groupId, groupName, m.id, press)] as const));
  return new Map(joins);
}

async function indexNewcomer(deps: WeekCycleDeps, groupId: string, groupName: string, userId: string, press: string | undefined): Promise<NewcomerJoin> {
  const checkedAt = deps.clock.now().toISOString();
  try {
    const window = await openSaveWindow(deps.ownRecords, userId);
    // Stamped after the check, by this delivery's own clock: a late take-back undoes only its own stamp.
    const at = deps.clock.now().toISOString();
    await window.keepWith(
      () => deps.membership.recordSetupJoin(groupId, groupName, userId, at, press),
      () => deps.membership.takeBackJoin(groupId, userId, at),
    );
    return { kept: true, checkedAt, window, at };
  } catch (err) {
    if (!isDomainError(err) || (err.code !== 'erasureUnderway' && err.code !== 'saveTooSlow')) throw err;
    return { kept: false, checkedAt };
  }
}

/**
 * A press delivered again wrote nothing to the group, but its newcomers' joins went to their index
 * first: those the group does not list (the first delivery could not add them) have this
 * delivery's join taken back, so their index does not name them members of a group that does not
 * list them. One write each, only on this rare path; only this delivery's stamp is undone.
 */
async function takeBackUnlisted(deps: WeekCycleDeps, groupId: string, joins: Map<string, NewcomerJoin>, unlisted: Member[]): Promise<void> {
  const stamped = unlisted.map((m) => [m.id, joins.get(m.id)?.at] as const).filter((e): e is readonly [string, string] => e[1] !== undefined);
  await Promise.all(stamped.map(([userId, at]) => deps.membership.takeBackJoin(groupId, userId, at)));
}

/**
 * A group created naming newcomers: an update of the group is ETag-guarded against their erasure
 * (it marks the group, and lets go of it with `lastErasureAt`), a create is not. A create answered
 * within each newcomer's window landed before their erasure's last sweep, which finds it by their
 * index. One answered later may have landed after that erasure let go: whoever's index no longer
 * names them a member of it (one read each, only on this rare path) is taken off again.
 */
async function keepCreateInWindows(deps: WeekCycleDeps, group: Group, created: boolean, joins: Map<string, NewcomerJoin>): Promise<Group> {
  if (!created) return group;
  const late = group.members.filter((m) => joins.get(m.id)?.window?.closed());
  const unindexed = await Promise.all(late.map(async (m) => !(await deps.membership.groupsOf(m.id)).some((e) => e.groupId === group.id && e.member)));
  const gone = late.filter((_, i) => unindexed[i]).map((m) => m.id);
  if (!gone.length) return group;
  return deps.groups.update(group.id, (g) => (g.members.some((m) => gone.includes(m.id)) ? { ...g, members: g.members.filter((m) => !gone.includes(m.id)) } : g));
}

/**
 * The group's name in the index of whoever this save left with another: its members from before
 * when the name changed, the newcomers when the name stored is not the one their entry was written
 * with (another save renamed it meanwhile, and this one did not change it). Within their windows,
 * as a join: an entry an erasure deleted is not written anew. Nothing when the name stays.
 */
async function renameIndexed(deps: WeekCycleDeps, group: Group, previous: Group | undefined, joins: Map<string, NewcomerJoin>, indexedAs: string): Promise<void> {
  const stale = group.members.filter((m) => (joins.has(m.id) ? indexedAs !== group.name : previous !== undefined && previous.name !== group.name));
  if (stale.length) await indexInWindows(deps, group.id, group.name, stale, undefined);
}

/**
 * Marks those this save left out as having left, then reads the group again: a later save that
 * named one of them again, while this "left" was on its way, found their index still naming them
 * a member and wrote nothing (found in review, stop 68: the held "left" landed last, and search
 * and "my groups" skipped a group she was in). Whoever the group names now is marked a member
 * again, within their window. One read more, only when someone left.
 */
async function recordLeft(deps: WeekCycleDeps, group: Group, left: string[], at: string): Promise<void> {
  await deps.membership.record(group.id, group.name, { joined: [], left }, at);
  const now = await deps.groups.get(group.id);
  const back = now ? now.members.filter((m) => left.includes(m.id)) : [];
  if (back.length) await indexInWindows(deps, group.id, now!.name, back, undefined);
}

/**
 * "taal en": the group's language is one of its settings, so who may change it is who may save the
 * setup form (see `refuseOutsiderOfFullGroup`), decided on the group as stored under its ETag.
 */
export async function changeLanguage(deps: WeekCycleDeps, groupId: string, language: Language, actor: Actor): Promise<Group> {
  return deps.groups.update(groupId, (g) => {
    refuseOutsiderOfFullGroup(g, actor);
    // A new revision, so a setup form opened before it does not put the old language back.
    return g.language === language ? g : { ...g, language, rev: revisionOf(g) + 1 };
  });
}
