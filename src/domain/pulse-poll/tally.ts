import { ITEM_IDS, ItemId } from './instrument';
import { Scores } from './answer';

/** How many respondents gave 1, 2, 3, 4 and 5 on one statement. */
export type Histogram = [number, number, number, number, number];

/** One team's answers, folded together: nothing in it tells one answer from another. */
export interface TeamTally {
  count: number;
  histograms: Record<ItemId, Histogram>;
  /** Open answers in alphabetical order: a function of the texts alone, not of who wrote them or when. */
  comments: string[];
}

/**
 * Every answer of a poll, as one document. An answer is a single replace of this document, under
 * its ETag, that adds the respondent's marker and folds the scores into their team's histograms
 * at once: no second write, no time and no position separates a person's marker from what they
 * answered. Markers are kept in the order of their values, comments in alphabetical order, so
 * the document's content depends only on who answered and on which answers were given.
 */
export interface PollTally {
  id: typeof TALLY_ID;
  pollId: string;
  type: 'tally';
  /** Keyed hashes of who answered, sorted by value. Emptied when the poll closes. */
  respondents: string[];
  /** Per poll target, in the poll's order of targets. */
  teams: Record<string, TeamTally>;
  /**
   * Per team, keyed hashes of the members the poll was delivered to (sorted). Only they may answer
   * for that team, so nobody outside it (someone added to the team after its card went out, say)
   * can pad it past the minimum with answers they know and subtract them again. A private poll's
   * lists exist, empty, from its start: a team not delivered yet takes no answer from anyone. A
   * channel poll's team gets its list at delivery. Absent for a team: a tally stored before lists
   * came with the start or with channel delivery, or a channel team too large to list (see
   * `mayAnswerFor`). Emptied when the poll closes.
   */
  invitees?: Record<string, string[]>;
  /** Set once, at closing: nothing is folded in afterwards, and results use this minimum for good. */
  sealed?: { on: string; minRespondents: number };
  /** A poll stored before tallies: its old answer documents are still to be deleted. */
  migrating?: boolean;
}

export const TALLY_ID = 'tally';

/** Open answers a tally keeps, in UTF-8 bytes: with the markers it stays well under a 2 MB document. */
export const MAX_COMMENT_BYTES = 1_000_000;
/** Respondents one poll can take (22-character markers: about 0.5 MB). */
export const MAX_RESPONDENTS = 20_000;

const emptyHistograms = (): Record<ItemId, Histogram> => Object.fromEntries(ITEM_IDS.map((id) => [id, [0, 0, 0, 0, 0]])) as Record<ItemId, Histogram>;

export function emptyTeamTally(): TeamTally {
  return { count: 0, histograms: emptyHistograms(), comments: [] };
}

/**
 * A tally with every target present from the start, so its shape never tells which team answered
 * first. A private poll's teams start with an empty invitee list each: until a team's cards go
 * out (and its list is written), nobody may answer for it, however they got its target id.
 */
export function emptyTally(pollId: string, targetIds: string[], options: { invitees?: boolean } = {}): PollTally {
  const tally: PollTally = { id: TALLY_ID, pollId, type: 'tally', respondents: [], teams: Object.fromEntries(targetIds.map((id) => [id, emptyTeamTally()])) };
  return options.invitees ? { ...tally, invitees: Object.fromEntries(targetIds.map((id) => [id, []])) } : tally;
}

/** Where `value` belongs in a sorted list (and whether it is there). */
function sortedPosition(list: string[], value: string): { at: number; found: boolean } {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, found: list[lo] === value };
}

function insertSorted(list: string[], value: string): string[] {
  const { at } = sortedPosition(list, value);
  return [...list.slice(0, at), value, ...list.slice(at)];
}

export function hasRespondent(tally: PollTally, hash: string): boolean {
  return sortedPosition(tally.respondents, hash).found;
}

/** Invitees a tally keeps over all its teams, like its respondents (16-character markers: about 0.4 MB). */
export const MAX_INVITEES = MAX_RESPONDENTS;

export type InviteResult = { outcome: 'invited' | 'tooMany'; tally: PollTally };

/**
 * Records whom a team's private poll cards go to; delivering again adds nobody twice. A team whose
 * members would take the tally past MAX_INVITEES is refused as a whole (`tooMany`, the tally
 * unchanged): left open it could be padded by anyone, and inviting only some of its members would
 * shut the others out unseen while the response rate still counts them. Its cards must not go
 * out; the poll's status shows it as not delivered. (A poll that large could not take all its
 * answers anyway: MAX_INVITEES is MAX_RESPONDENTS.)
 */
export function addInvitees(tally: PollTally, targetId: string, markers: string[]): InviteResult {
  // A sealed tally forgot its invitees on purpose: nobody answers any more, so nobody is listed.
  if (tally.sealed) return { outcome: 'invited', tally };
  const known = tally.invitees?.[targetId];
  const merged = [...new Set([...(known ?? []), ...markers])].sort();
  const others = Object.entries(tally.invitees ?? {}).reduce((n, [id, list]) => n + (id === targetId ? 0 : list.length), 0);
  if (others + merged.length > MAX_INVITEES) return { outcome: 'tooMany', tally };
  if (known && merged.length === known.length) return { outcome: 'invited', tally };
  return { outcome: 'invited', tally: { ...tally, invitees: { ...tally.invitees, [targetId]: merged } } };
}

/** Whether a team's invitee list holds this marker (a team without a list holds none). */
export function isListedInvitee(tally: PollTally, targetId: string, marker: string): boolean {
  const list = tally.invitees?.[targetId];
  return !!list && sortedPosition(list, marker).found;
}

/**
 * The tally without one person's markers (erasure): `respondent`, their marker of having answered;
 * `invitees`, per team, their marker of having been asked. Their scores stay folded in, nobody's.
 * Each respondent marker taken out is replaced by a stand-in (`standIn`: a fresh random marker of
 * the same shape), sorted in like the others: the tally keeps one marker per answer counted, so
 * a reader of the database cannot tell from the count of markers whether the erased person had
 * answered. A stand-in matches nobody's keyed hash: it refuses nobody's answer and nudges nobody
 * less (the erased person can no longer answer: their invitee markers went). The same tally when
 * it holds none of the person's markers, so a second run writes nothing.
 */
export function withoutMarkers(tally: PollTally, markers: { respondent: string[]; invitees: Record<string, string[]> }, standIn: () => string): PollTally {
  let respondents = tally.respondents.filter((m) => !markers.respondent.includes(m));
  const replaced = tally.respondents.length - respondents.length;
  for (let i = 0; i < replaced; i++) {
    let marker = standIn();
    while (sortedPosition(respondents, marker).found) marker = standIn();
    respondents = insertSorted(respondents, marker);
  }
  const invitees = tally.invitees && Object.fromEntries(Object.entries(tally.invitees).map(([id, list]) => [id, list.filter((m) => !(markers.invitees[id] ?? []).includes(m))]));
  const inviteesLeft = Object.values(invitees ?? {}).reduce((n, list) => n + list.length, 0);
  const inviteesBefore = Object.values(tally.invitees ?? {}).reduce((n, list) => n + list.length, 0);
  if (replaced === 0 && inviteesLeft === inviteesBefore) return tally;
  return { ...tally, respondents, ...(invitees ? { invitees } : {}) };
}

/**
 * What a private poll's team without any invitee list means. Only tallies stored before every
 * team's list came with the poll's start lack one: a team delivered then was sent to people the
 * tally never listed, who must still be able to answer (`anyone`, as before); a team not
 * delivered yet gets its list with its delivery, and until then takes no answer (`nobody`).
 */
export type Unlisted = 'anyone' | 'nobody';

/**
 * Whether someone may answer for a team: one on the team's invitee list (the members the poll was
 * delivered to, in its channel or their 1:1 chats); a team without a list, see `Unlisted`.
 */
export function mayAnswerFor(tally: PollTally, targetId: string, invitee: string | undefined, unlisted: Unlisted = 'nobody'): boolean {
  const list = tally.invitees?.[targetId];
  if (list) return invitee !== undefined && sortedPosition(list, invitee).found;
  return invitee === undefined || unlisted === 'anyone';
}

const bytes = (texts: string[]) => texts.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);

/** Adds one set of scores to a team's histograms. */
export function addScores(team: TeamTally, scores: Scores): TeamTally {
  const histograms = { ...team.histograms };
  for (const id of ITEM_IDS) {
    const h = [...(histograms[id] ?? [0, 0, 0, 0, 0])] as Histogram;
    const at = scores[id] - 1;
    h[at] = (h[at] ?? 0) + 1;
    histograms[id] = h;
  }
  return { ...team, count: team.count + 1, histograms };
}

export function addComment(team: TeamTally, text: string): TeamTally {
  return { ...team, comments: insertSorted(team.comments, text) };
}

export type FoldResult =
  | { outcome: 'stored'; tally: PollTally; commentDropped: boolean }
  | { outcome: 'already' | 'sealed' | 'full' | 'notInvited'; tally: PollTally };

/**
 * One answer folded in: the marker and the scores (and the comment, while there is room) in one
 * new version of the tally. A second answer of the same person, or one after closing, changes nothing.
 */
export function foldAnswer(
  tally: PollTally,
  answer: { targetId: string; hash: string; invitee?: string; unlisted?: Unlisted; scores: Scores; comment?: string },
): FoldResult {
  if (tally.sealed) return { outcome: 'sealed', tally };
  if (!mayAnswerFor(tally, answer.targetId, answer.invitee, answer.unlisted)) return { outcome: 'notInvited', tally };
  if (hasRespondent(tally, answer.hash)) return { outcome: 'already', tally };
  if (tally.respondents.length >= MAX_RESPONDENTS) return { outcome: 'full', tally };
  let team = addScores(tally.teams[answer.targetId] ?? emptyTeamTally(), answer.scores);
  const room = answer.comment !== undefined && bytes(Object.values(tally.teams).flatMap((t) => t.comments)) + Buffer.byteLength(answer.comment, 'utf8') <= MAX_COMMENT_BYTES;
  if (answer.comment !== undefined && room) team = addComment(team, answer.comment);
  return {
    outcome: 'stored',
    commentDropped: answer.comment !== undefined && !room,
    tally: { ...tally, respondents: insertSorted(tally.respondents, answer.hash), teams: { ...tally.teams, [answer.targetId]: team } },
  };
}

/** Closing: no more answers, the minimum is fixed, and who answered is forgotten. */
export function sealTally(tally: PollTally, on: string, minRespondents: number): PollTally {
  if (tally.sealed) return tally;
  const { invitees: _forgotten, ...rest } = tally;
  return { ...rest, respondents: [], sealed: { on, minRespondents } };
}

/** Respondents per target. */
export function countsOf(tally: PollTally): Record<string, number> {
  return Object.fromEntries(Object.entries(tally.teams).map(([id, t]) => [id, t.count]));
}
