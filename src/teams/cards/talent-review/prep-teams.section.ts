import { MAX_TEAM_TOGGLES } from '../../../domain/talent-review/prep-teams';
import { Translate } from '../../../i18n/i18n';
import { ChoosableTeam, PrepTeams } from '../../../usecases/talent-review/prep-teams';
import { actionSet, container, Element, execute, refusalNotice, subtle, textBlock, truncate } from '../card-kit';

/** A team's name in a toggle's title: as Teams gives it (with its mark among the person's teams), cut short. */
const MAX_NAME_SHOWN = 80;

/** The toggle of the i-th team listed: its input id, which the save reads (teams/features/talent-review/prep-teams.ts). */
export function prepTeamInputId(i: number): string {
  return `prepTeam${i}`;
}

/** What the section says above the toggles after a press: saved, or not saved and why (then in the refusal colour). */
export interface PrepTeamsNotice {
  text: string;
  refused?: boolean;
}

/** Why a team shows or not when the professional made no choice for it, or that the choice is theirs. */
function hint(team: ChoosableTeam, t: Translate): string {
  if (team.choice !== undefined) return t(team.choice ? 'talentReview.prepTeams.chosenOn' : 'talentReview.prepTeams.chosenOff');
  if (team.fromDirectory) return t('talentReview.prepTeams.defaultDirectory');
  return t(team.byDefault ? 'talentReview.prepTeams.defaultOn' : 'talentReview.prepTeams.defaultOff');
}

/**
 * On the professional's preview ("Wat ziet mijn leidinggevende?", in their chat), below the card
 * their manager gets: each of their teams with a toggle "show this team's B3-spiegel to my
 * manager", set as the card shows it now, and why (their own choice, or the default). The save
 * carries the revision of their choices and what each toggle showed, so only a toggle they moved
 * is a choice, and a press on an older view stores nothing. `typed`: the toggles as pressed, shown
 * back with a refusal. Nothing when they are in no team.
 */
export function prepTeamsSection(teams: PrepTeams, t: Translate, opts: { draft?: string; typed?: ReadonlyMap<string, boolean>; notice?: PrepTeamsNotice } = {}): Element[] {
  if (!teams.all.length) return [];
  const listed = teams.all.slice(0, MAX_TEAM_TOGGLES);
  const rows = listed.flatMap((team, i): Element[] => [
    {
      type: 'Input.Toggle',
      id: prepTeamInputId(i),
      title: t('talentReview.prepTeams.toggle', { team: truncate(team.name ?? t('talentReview.prep.unnamedTeam'), MAX_NAME_SHOWN) }),
      value: (opts.typed?.get(team.teamId) ?? team.shown) ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    },
    subtle(hint(team, t)),
  ]);
  const more = teams.all.length - listed.length;
  const notice = opts.notice ? [opts.notice.refused ? refusalNotice(opts.notice.text) : textBlock(opts.notice.text, { weight: 'Bolder' })] : [];
  const data = { rev: teams.rev, teams: listed.map((team) => ({ id: team.teamId, was: team.shown })), ...(opts.draft ? { draft: opts.draft } : {}) };
  return [
    container(
      [
        textBlock(t('talentReview.prepTeams.title'), { weight: 'Bolder' }),
        textBlock(t('talentReview.prepTeams.explain'), { size: 'Small' }),
        ...notice,
        ...rows,
        ...(more > 0 ? [subtle(t('talentReview.prepTeams.more', { count: more }))] : []),
        actionSet([execute(t('talentReview.prepTeams.save'), 'savePrepTeams', data, { associatedInputs: 'auto' })]),
      ],
      { style: 'emphasis', separator: true, spacing: 'Large' },
    ),
  ];
}
