import { teamLabels } from '../../domain/shared/team-labels';
import { choiceFor, PrepTeamPress, PrepTeamPressResult, teamShown } from '../../domain/talent-review/prep-teams';
import { openSaveWindow } from '../verantwoording/save-window';
import { TalentReviewDeps } from './deps';
import { teamsOfReport, TeamOfReport } from './report-teams';

/** One of the professional's teams as they choose about it: labelled among all their teams, with their choice and what the card shows. */
export interface ChoosableTeam extends TeamOfReport {
  /** Their own choice for it; absent: the default decides. */
  choice?: boolean;
  shown: boolean;
}

export interface PrepTeams {
  /** Every team of the report (for their preview's toggles). */
  all: ChoosableTeam[];
  /** The teams whose B3-spiegel the manager's card shows, and nothing of the others. */
  shown: TeamOfReport[];
  /** The revision of their choices these were decided on (0: none made). */
  rev: number;
}

/**
 * The report's teams for a prep card, and which of them it shows: the rosters read once (the
 * manager looked for in the same rosters), and the report's choices by a point read in their own
 * partition. Names in `all` are told apart among all their teams (teamLabels); `shown` keeps the
 * names as Teams gives them, for the card to tell apart among the shown teams only.
 */
export async function prepTeams(deps: TalentReviewDeps, subject: { reportId: string; managerId: string; tenantId?: string }): Promise<PrepTeams> {
  const [teams, choices] = await Promise.all([teamsOfReport(deps, subject.reportId, subject.managerId, subject.tenantId), deps.prepTeamChoices.get(subject.reportId)]);
  const labels = teamLabels(teams.map((team) => ({ name: team.name ?? '', teamId: team.teamId })));
  const all = teams.map((team, i) => {
    const choice = choiceFor(choices, team.teamId);
    return { ...team, ...(team.name ? { name: labels[i]! } : {}), ...(choice === undefined ? {} : { choice }), shown: teamShown(team, choices) };
  });
  return { all, shown: teams.filter((team) => teamShown(team, choices)), rev: choices?.rev ?? 0 };
}

/**
 * The professional chooses which teams' B3-spiegel their manager's card shows. Stored under the
 * revision their view showed (a press Teams delivers again, or one from an older view, stores
 * nothing); a stored change rebuilds the prep cards already in a manager's chat, as a change of
 * what they share does. Refused (`erasureUnderway`) while their erasure is unfinished.
 *
 * Their first choice creates the document (revision 1): that create keeps to the save window from
 * the check (save-window.ts), answered later it is taken back and the press refused (`saveTooSlow`,
 * or `erasureUnderway`), so no erasure that began meanwhile is outlived by it. A later choice
 * replaces the document under its ETag, which fails once an erasure deleted it: no window needed.
 */
export async function choosePrepTeams(deps: TalentReviewDeps, userId: string, press: PrepTeamPress): Promise<PrepTeamPressResult['outcome']> {
  const window = await openSaveWindow(deps.verantwoording, userId);
  if (window.closed()) throw await window.refusal();
  const { outcome, stored } = await deps.prepTeamChoices.apply(userId, press, deps.clock.now());
  if (outcome === 'saved' && stored?.rev === 1 && window.closed()) {
    await window.takeBack(stored);
    throw await window.refusal();
  }
  if (outcome === 'saved') await deps.verantwoording.sharingChanged?.(userId);
  return outcome;
}
