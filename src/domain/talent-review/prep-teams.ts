import { stableId } from '../shared/ids';

/**
 * Which of their teams' B3-spiegel the professional's manager sees on the prep card. By default
 * only a team the manager is in too (the one they share; its mirror is in its channel for the
 * manager anyway), or the team the directory names for the person's prep card. The professional
 * decides: a choice of theirs overrides the default for that team, in both directions.
 *
 * Their choices are one document in their own `personal` partition (their export lists it, their
 * erasure deletes it), changed under its ETag and revision: a press made on an older view of the
 * choices (one Teams delivers again) stores nothing.
 */
export interface PrepTeamChoice {
  teamId: string;
  shown: boolean;
  at: string;
}

export interface PrepTeamChoices {
  id: string;
  type: 'prepTeamChoices';
  userId: string;
  /** How often the choices changed: the view a press was made on names it. */
  rev: number;
  teams: PrepTeamChoice[];
  updatedAt: string;
}

/** Choices kept per person: as many teams as a prep card looks at (ROSTER_SCAN.maxTeams); the oldest go first. */
export const MAX_PREP_TEAM_CHOICES = 200;

/** Teams listed with a toggle on the professional's preview; the rest follow the default (and are counted there). */
export const MAX_TEAM_TOGGLES = 20;

export function prepTeamChoicesId(userId: string): string {
  return stableId('ptc', userId);
}

/** A team of the professional, as the prep card's default sees it. */
export interface TeamByDefault {
  teamId: string;
  /** The manager is in it too (their roster lists both), or the directory names it for the prep card. */
  byDefault: boolean;
}

/** The professional's own choice for a team, if they made one. */
export function choiceFor(choices: Pick<PrepTeamChoices, 'teams'> | undefined, teamId: string): boolean | undefined {
  return choices?.teams.find((c) => c.teamId === teamId)?.shown;
}

/** Whether the manager's card shows this team's B3-spiegel: the professional's choice, else the default. */
export function teamShown(team: TeamByDefault, choices: Pick<PrepTeamChoices, 'teams'> | undefined): boolean {
  return choiceFor(choices, team.teamId) ?? team.byDefault;
}

/** A press on the professional's choices: the revision the view showed, and each team whose toggle they changed. */
export interface PrepTeamPress {
  rev: number;
  changes: { teamId: string; shown: boolean }[];
}

export type PrepTeamPressResult = { outcome: 'saved'; next: PrepTeamChoices } | { outcome: 'unchanged' } | { outcome: 'stale' };

/**
 * What a press does to the stored choices (undefined: none yet, revision 0):
 * - every change already in effect as their own choice (the same press delivered again, or
 *   nothing changed): `unchanged`, nothing written;
 * - made on another revision than the stored one, with something not in effect: `stale`, nothing
 *   written (the choices changed since that view was drawn);
 * - else the next document, one revision on.
 */
export function applyPrepTeamPress(current: PrepTeamChoices | undefined, userId: string, press: PrepTeamPress, now: Date): PrepTeamPressResult {
  const inEffect = press.changes.every((c) => choiceFor(current, c.teamId) === c.shown);
  if (inEffect) return { outcome: 'unchanged' };
  if ((current?.rev ?? 0) !== press.rev) return { outcome: 'stale' };
  const at = now.toISOString();
  const changed = new Set(press.changes.map((c) => c.teamId));
  const teams = [...(current?.teams ?? []).filter((c) => !changed.has(c.teamId)), ...press.changes.map((c) => ({ teamId: c.teamId, shown: c.shown, at }))];
  return {
    outcome: 'saved',
    next: { id: prepTeamChoicesId(userId), type: 'prepTeamChoices', userId, rev: (current?.rev ?? 0) + 1, teams: teams.slice(-MAX_PREP_TEAM_CHOICES), updatedAt: at },
  };
}

/** Port: the professional's one choices document, in their own partition. */
export interface PrepTeamChoiceRepository {
  /** A point read in their partition. */
  get(userId: string): Promise<PrepTeamChoices | undefined>;
  /**
   * Applies `press` to what is stored now, under the document's ETag (created when there is none):
   * a write that loses a race reads again and decides again, so a concurrent change is never lost.
   */
  apply(userId: string, press: PrepTeamPress, now: Date): Promise<{ outcome: PrepTeamPressResult['outcome']; stored?: PrepTeamChoices }>;
}
