import { IANAZone } from 'luxon';
import { Language } from '../framework/framework';
import { DomainError, ErrorCode, RefusedField } from '../shared/errors';
import { stableId } from '../shared/ids';
import { cutWhole, overLimit, showsNothing, singleLineText, trimText, unitCeiling } from '../shared/text';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Member {
  /** Entra object id where Teams gives one, else the Teams user id. */
  id: string;
  name: string;
  /** The Teams user id (29:...), needed to refresh a card for this member. */
  teamsId?: string;
}

export interface GroupSchedule {
  days: Weekday[];
  /** Local start time, HH:mm. */
  startTime: string;
  timeZone: string;
}

export type ConversationKind = 'groupChat' | 'channel' | 'personal';

/** A Vitale Weekcyclus group, living in one Teams group chat or channel. */
export interface Group {
  id: string;
  tenantId?: string;
  conversationId: string;
  conversationKind: ConversationKind;
  name: string;
  members: Member[];
  schedule: GroupSchedule;
  language: Language;
  plannedWeeks: number;
  /** Opaque to the domain: the Teams layer stores what it needs to message the group later. */
  conversationRef: Record<string, unknown>;
  cyclesStarted: number;
  currentCycleId?: string;
  createdBy: string;
  createdAt: string;
  /**
   * Since when the app has been removed from the group's chat (uninstalled): Teams refuses its
   * messages there, so the rhythm rests until the app is added back. Absent: the group is live.
   */
  pausedAt?: string;
  /**
   * The team's latest B3 mirror (DOMAIN.md: "each team gets its own team's results in its channel,
   * to talk about in its next session"), for a group set up in one of that team's channels: its
   * sessions in the weeks after point to it. Names the team and the poll, no figure and no person.
   */
  teamMirror?: TeamMirror;
  /**
   * People whose erasure ("mijn gegevens wissen") is under way: the erasure takes them off
   * `members` and names them here first, so a card action of theirs in the meantime (which reads
   * this document anyway) does not make them a member again. The erasure removes them from here
   * when it is done. Absent: nobody's erasure is under way.
   */
  erasing?: ErasingMember[];
  /**
   * When the latest erasure of a member let go of this group. An activity Teams sent before that
   * (a press in flight, or delivered again) joins nobody: it may be the erased person's, and would
   * bring them and what they pressed back. It names nobody.
   */
  lastErasureAt?: string;
  /**
   * How many erasures of members let go of this group: a card built before one of them is known
   * to be out of date (a summary, checked right before it is sent), also when two end in the same
   * millisecond or on instances whose clocks differ. It names nobody.
   */
  erasuresDone?: number;
  /**
   * Counts the changes of the group's settings (setup, language), so a setup form can say which
   * version it was opened on. Absent on a group stored before revisions were kept: read it as 0.
   */
  rev?: number;
  /**
   * The keys of the latest setup presses stored (see `setupPressKey`, tagged per member: `setupKeyTag`): Teams delivering one of them
   * again after another member's change finds it here and changes nothing, rather than "changed
   * meanwhile". Absent on groups saved before.
   */
  setupKeys?: string[];
}

/** How many setup press keys a group keeps: far more than are pressed in the minutes Teams redelivers in. */
export const SETUP_KEYS_KEPT = 10;

/** The group's setup keys with this press's, the latest few. */
export function withSetupKey(keys: readonly string[] | undefined, key: string): string[] {
  return [...(keys ?? []).filter((k) => k !== key), key].slice(-SETUP_KEYS_KEPT);
}

/**
 * What each of a member's setup press keys on the group starts with (before the dot): the rest of
 * the key holds the press, not the member. The tag lets an erasure drop exactly the erased
 * member's keys (each a hash over their id that a reader holding the form could test ids against).
 */
export function setupKeyTag(groupId: string, memberId: string): string {
  return stableId('gm', groupId, memberId);
}

/**
 * The group's setup keys without the member's, and without untagged ones (stored before tags,
 * whose presser is unknown). The same array when there is nothing to drop.
 */
export function withoutSetupKeysOf(groupId: string, keys: readonly string[] | undefined, memberId: string): readonly string[] | undefined {
  if (!keys) return keys;
  const tag = `${setupKeyTag(groupId, memberId)}.`;
  const kept = keys.filter((k) => k.includes('.') && !k.startsWith(tag));
  return kept.length === keys.length ? keys : kept;
}

/** A person the erasure is taking out of the group: their id, and their Teams id (for the outbox). */
export interface ErasingMember {
  id: string;
  teamsId?: string;
}

export const GROUP_SIZE = { min: 3, max: 8 } as const;

/**
 * The longest name a group is saved with, in characters as they show (`overLimit`: an emoji or a
 * letter with its accent is one); the setup form's name input takes `unitCeiling` of it in code units.
 */
export const GROUP_NAME_MAX = 120;

/**
 * The name a new group's setup form starts from: the chat's, cut to what a group's name may be.
 * A chat's name may be far longer, and a form that starts from a name it cannot save could not
 * be saved unchanged. Cut between two characters as they show (never half an emoji or a letter
 * without its accent), as long as the limit lets it be: the longest start within it.
 */
export function suggestedGroupName(chatName: string | undefined, fallback: string): string {
  const name = singleLineText(chatName ?? '');
  // The form refuses a name that shows nothing (`groupSettingsProblems`): it is no name to start from.
  if (showsNothing(name)) return fallback;
  if (overLimit(name, GROUP_NAME_MAX) === undefined) return name;
  // The longest whole start within the limit: a longer start never counts less, so halve the range.
  let [fits, over] = [0, Math.min(name.length, unitCeiling(GROUP_NAME_MAX) + 1)];
  while (over - fits > 1) {
    const mid = (fits + over) >> 1;
    if (overLimit(cutWhole(name, mid), GROUP_NAME_MAX) === undefined) fits = mid;
    else over = mid;
  }
  const cut = trimText(cutWhole(name, fits));
  return showsNothing(cut) ? fallback : cut;
}

/**
 * The HH:mm a start time typed on the setup form means. Teams' time picker sends "HH:mm"; a client
 * that shows the field as a text box (or the card's fallback) sends what was typed: with seconds
 * ("09:30:00"), a Dutch "uur"/"u" after it, or an English "am"/"pm" (12 am is midnight, 12 pm
 * noon: read as a 24-hour time, "09:30 pm" would start the sessions in the morning). Anything else,
 * also "00:30 am" or "13:00 pm", comes back as typed, for groupSettingsProblems to refuse.
 */
export function readStartTime(typed: string): string {
  const read = /^(\d{2}):(\d{2})(?::\d{2})?\s*(uur|u|[ap]\.?m\.?)?$/i.exec(typed.trim());
  if (!read) return typed;
  const [, hh = '', mm = '', suffix] = read;
  const half = suffix?.[0]?.toLowerCase();
  if (half !== 'a' && half !== 'p') return `${hh}:${mm}`;
  const hour = Number(hh);
  if (hour < 1 || hour > 12) return typed;
  return `${String((hour % 12) + (half === 'p' ? 12 : 0)).padStart(2, '0')}:${mm}`;
}

/** A new group's rhythm: Monday to Thursday at 09:00, in the organisation's time zone until the group picks its own. */
export function defaultSchedule(timeZone: string): GroupSchedule {
  return { days: [1, 2, 3, 4], startTime: '09:00', timeZone };
}
export const DEFAULT_PLANNED_WEEKS = 20;

export interface GroupSettings {
  name: string;
  members: Member[];
  schedule: GroupSchedule;
  language: Language;
  plannedWeeks: number;
}

/** A rule of a group's settings that a field breaks: the code and the field, as a refusal names them. */
export interface SettingsProblem {
  code: Extract<ErrorCode, 'invalidInput' | 'groupSize'>;
  detail: string;
  input: RefusedField & { field: SettingsField };
}

const uniqueById = (members: Member[]) => [...new Map(members.map((m) => [m.id, m])).values()];
const sortedDays = (days: Weekday[]) => [...new Set(days)].sort((a, b) => a - b) as Weekday[];

/** Every rule the settings break, one per field, in the form's order: a form names them all at once. */
export function groupSettingsProblems(s: GroupSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const memberCount = uniqueById(s.members).length;
  const dayCount = sortedDays(s.schedule.days).length;
  const name = singleLineText(s.name);
  const nameOver = overLimit(name, GROUP_NAME_MAX);
  // A name that shows nothing (also tag characters alone) would leave the group nameless on every card, L&O's list too.
  if (showsNothing(name)) problems.push({ code: 'invalidInput', detail: 'name', input: { field: 'name', rule: 'required' } });
  else if (nameOver) problems.push({ code: 'invalidInput', detail: 'name length', input: { field: 'name', rule: 'tooLong', params: { max: GROUP_NAME_MAX, count: nameOver } } });
  if (memberCount < GROUP_SIZE.min || memberCount > GROUP_SIZE.max) {
    problems.push({ code: 'groupSize', detail: `members=${memberCount}`, input: { field: 'members', rule: 'range', params: { min: GROUP_SIZE.min, max: GROUP_SIZE.max, count: memberCount } } });
  }
  if (dayCount !== 4) problems.push({ code: 'invalidInput', detail: 'exactly four session days', input: { field: 'days', rule: 'range', params: { count: dayCount } } });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.schedule.startTime)) problems.push({ code: 'invalidInput', detail: 'startTime', input: { field: 'startTime', rule: 'format' } });
  if (!IANAZone.isValidZone(s.schedule.timeZone)) problems.push({ code: 'invalidInput', detail: 'timeZone', input: { field: 'timeZone', rule: 'format' } });
  if (!Number.isInteger(s.plannedWeeks) || s.plannedWeeks < 1 || s.plannedWeeks > 52) problems.push({ code: 'invalidInput', detail: 'plannedWeeks', input: { field: 'plannedWeeks', rule: 'range', params: { min: 1, max: 52 } } });
  return problems;
}

/** The rules a group's settings must meet; throws a coded error the user can act on (the first field that breaks one). */
export function checkGroupSettings(s: GroupSettings): GroupSettings {
  const [first] = groupSettingsProblems(s);
  if (first) throw new DomainError(first.code, { detail: first.detail, input: first.input });
  return { ...s, name: singleLineText(s.name), members: uniqueById(s.members), schedule: { ...s.schedule, days: sortedDays(s.schedule.days) } };
}

/** The group's settings revision: 0 before the group exists, and for one stored before revisions were kept. */
export function revisionOf(group: Pick<Group, 'rev'> | undefined): number {
  return group?.rev ?? 0;
}

/** A settings field of the setup form, by its domain name. */
export type SettingsField = 'name' | 'members' | 'days' | 'startTime' | 'timeZone' | 'language' | 'plannedWeeks';

/** What a setup form showed when it was opened (members by id), and the revision it was read at. */
export interface SettingsSeen {
  rev: number;
  name: string;
  memberIds: string[];
  schedule: GroupSchedule;
  language: Language;
  plannedWeeks: number;
}

/** One value per scalar field, comparable as text (days in order, so a reordered choice is no change). */
function fieldValues(s: Omit<GroupSettings, 'members'>): Record<Exclude<SettingsField, 'members'>, string> {
  return {
    name: singleLineText(s.name),
    days: [...new Set(s.schedule.days)].sort((a, b) => a - b).join(','),
    startTime: s.schedule.startTime,
    timeZone: s.schedule.timeZone,
    language: s.language,
    plannedWeeks: String(s.plannedWeeks),
  };
}

/**
 * A setup save laid over the settings stored now, as a three-way merge with what the form
 * showed: only what the presser changed on the form is written, so a change someone else made
 * in the meantime (another setup save, "taal en", a colleague who joined) stays. Members merge
 * per person: those the presser added are added, those they took off are taken off. A field both
 * changed, to different values, is a collision: the caller refuses the save rather than pick one.
 */
export function mergeSettings(stored: GroupSettings, seen: SettingsSeen, mine: GroupSettings): { settings: GroupSettings; collisions: SettingsField[] } {
  const [was, now, want] = [fieldValues(seen), fieldValues(stored), fieldValues(mine)];
  const collisions: SettingsField[] = [];
  const pick = <F extends Exclude<SettingsField, 'members'>, T>(field: F, storedValue: T, mineValue: T): T => {
    if (want[field] === was[field]) return storedValue;
    if (now[field] !== was[field] && now[field] !== want[field]) collisions.push(field);
    return mineValue;
  };
  const seenIds = new Set(seen.memberIds);
  const mineIds = new Set(mine.members.map((m) => m.id));
  // Who stays takes the name and Teams id the chat gives now (the form's), as a full save did.
  const kept = stored.members.filter((m) => !seenIds.has(m.id) || mineIds.has(m.id)).map((m) => mine.members.find((x) => x.id === m.id) ?? m);
  const added = mine.members.filter((m) => !seenIds.has(m.id) && !kept.some((k) => k.id === m.id));
  const settings: GroupSettings = {
    name: pick('name', stored.name, mine.name),
    members: [...kept, ...added],
    schedule: {
      days: pick('days', stored.schedule.days, mine.schedule.days),
      startTime: pick('startTime', stored.schedule.startTime, mine.schedule.startTime),
      timeZone: pick('timeZone', stored.schedule.timeZone, mine.schedule.timeZone),
    },
    language: pick('language', stored.language, mine.language),
    plannedWeeks: pick('plannedWeeks', stored.plannedWeeks, mine.plannedWeeks),
  };
  return { settings, collisions };
}

/** Whether two settings say the same (members as the same people, in any order). */
export function sameSettings(a: GroupSettings, b: GroupSettings): boolean {
  const ids = (s: GroupSettings) => s.members.map((m) => `${m.id}|${m.name}|${m.teamsId ?? ''}`).sort().join(',');
  return JSON.stringify(fieldValues(a)) === JSON.stringify(fieldValues(b)) && ids(a) === ids(b);
}

export function isMember(group: Group, userId: string): boolean {
  return group.members.some((m) => m.id === userId);
}

/** Whether this person's erasure is under way: they may not join the group (again) until it is done. */
export function isBeingErased(group: Pick<Group, 'erasing'>, person: { id: string; teamsId?: string }): boolean {
  return (group.erasing ?? []).some((e) => e.id === person.id || (e.teamsId !== undefined && e.teamsId === person.teamsId));
}

/**
 * The group with this person named as being erased (and off its member list): their Teams id
 * stays known here for the erasure. The same object when it already is (a rerun writes nothing).
 */
export function markedForErasure(group: Group, userId: string): Group {
  const member = group.members.find((m) => m.id === userId);
  const members = group.members.filter((m) => m.id !== userId);
  const marked = (group.erasing ?? []).some((e) => e.id === userId);
  if (marked && members.length === group.members.length) return group;
  const erasing = marked ? group.erasing! : [...(group.erasing ?? []), { id: userId, ...(member?.teamsId ? { teamsId: member.teamsId } : {}) }];
  return { ...group, members, erasing };
}

/** The group once this person's erasure is done (at `at`); the same object when they are not named as being erased. */
export function unmarkedForErasure(group: Group, userId: string, at: string): Group {
  if (!(group.erasing ?? []).some((e) => e.id === userId)) return group;
  const { erasing: _erasing, ...rest } = group;
  const erasing = (group.erasing ?? []).filter((e) => e.id !== userId);
  const lastErasureAt = group.lastErasureAt && group.lastErasureAt > at ? group.lastErasureAt : at;
  const erasuresDone = (group.erasuresDone ?? 0) + 1;
  return erasing.length ? { ...rest, erasing, lastErasureAt, erasuresDone } : { ...rest, lastErasureAt, erasuresDone };
}

/** Whether an activity sent at `sentAt` (Teams' stamp) was sent before the group's latest erasure let go of it (see `Group.lastErasureAt`). */
export function sentBeforeLastErasure(group: Pick<Group, 'lastErasureAt'>, sentAt: string | undefined): boolean {
  return !!group.lastErasureAt && !!sentAt && Date.parse(sentAt) <= Date.parse(group.lastErasureAt);
}

/**
 * A person as Teams names them in a chat's member events and roster: their Teams id, and their
 * Entra object id where Teams gives one (a group member's id is the Entra id when there was one).
 */
export interface ChatAccount {
  teamsId: string;
  aadObjectId?: string;
}

/** Whether a member is this chat account: by Entra id, or by Teams id for a member stored without one. */
export function isAccountOf(member: Member, account: ChatAccount): boolean {
  return member.id === account.aadObjectId || member.id === account.teamsId || (member.teamsId !== undefined && member.teamsId === account.teamsId);
}

/**
 * The group without the people who left its chat. The same object back when none of them is a
 * member (a redelivered update, someone who never joined), so a retry writes nothing. The group
 * may fall below its setup minimum: whoever is no longer in the chat cannot stay in the group.
 */
export function withoutAccounts(group: Group, left: ChatAccount[]): Group {
  const members = group.members.filter((m) => !left.some((a) => isAccountOf(m, a)));
  return members.length === group.members.length ? group : { ...group, members };
}

/** The members the chat's roster no longer names (the roster read in full). */
export function membersMissingFrom(group: Group, roster: ChatAccount[]): Member[] {
  return group.members.filter((m) => !roster.some((a) => isAccountOf(m, a)));
}

export function isPaused(group: Pick<Group, 'pausedAt'>): boolean {
  return group.pausedAt !== undefined;
}

/** The group paused at `at`; the same object when it already is (a redelivered update writes nothing). */
export function pausedGroup(group: Group, at: string): Group {
  return isPaused(group) ? group : { ...group, pausedAt: at };
}

/** The group live again; the same object when it was not paused. */
export function resumedGroup(group: Group): Group {
  if (!isPaused(group)) return group;
  const { pausedAt: _pausedAt, ...live } = group;
  return live;
}

/** A team's B3 mirror that came back: which poll, the team's name on it, and when the poll closed. */
export interface TeamMirror {
  pollId: string;
  teamName: string;
  closedAt: string;
}

/** How long after a poll closed its mirror is a talking point in the team's groups' sessions. */
export const TEAM_MIRROR_DAYS = 21;

/**
 * The team's mirror to talk about in a session that started at `startedAt`: after the poll closed
 * and within TEAM_MIRROR_DAYS of it. The group takes it up or not; the app does not track that.
 */
export function teamMirrorToDiscuss(group: Pick<Group, 'teamMirror'>, startedAt: string): TeamMirror | undefined {
  const mirror = group.teamMirror;
  if (!mirror || startedAt < mirror.closedAt) return undefined;
  const until = new Date(new Date(mirror.closedAt).getTime() + TEAM_MIRROR_DAYS * 24 * 60 * 60_000).toISOString();
  return startedAt < until ? mirror : undefined;
}
