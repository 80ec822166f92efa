import { Instrument } from '../../../domain/pulse-poll/instrument';
import { PollResults, TeamResult } from '../../../domain/pulse-poll/results';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, Element, factSet, heading, plainText, subtle, textBlock, truncate } from '../card-kit';
import { b3ScoresSection } from './b3-scores.section';
import { scoreExplanation } from './score-explanation.section';

const MAX_TEAMS = 25;
const MAX_COMMENTS = 40;
const MAX_COMMENT_CHARS = 500;

export interface PollResultsView {
  instrument: Instrument;
  language: Locale;
  /** How the poll closed, with the day to show. */
  closed: { by: 'date' | 'hr'; label: string };
  results: PollResults;
  comments: { teamName: string; texts: string[] }[];
  /**
   * Some team is below the minimum. Must follow from the published counts only: were it set by
   * what such a team wrote, the card would tell HR whether its one or two people left a comment.
   */
  heldBack: boolean;
}

export function responseFact(r: Pick<TeamResult, 'respondents' | 'memberCount' | 'responseRate'>, t: Translate) {
  return {
    title: t('pulse.results.response'),
    value: r.memberCount ? t('pulse.results.responseValue', { respondents: r.respondents, members: r.memberCount, rate: r.responseRate ?? 0 }) : t('pulse.results.responseCount', { count: r.respondents }),
  };
}

/** The subtitle of a closed poll's results: when and how it closed. */
export function closedSubtitle(closed: PollResultsView['closed'], teams: number, t: Translate): string {
  return t(closed.by === 'hr' ? 'pulse.results.subtitleByHr' : 'pulse.results.subtitleByDate', { date: closed.label, count: teams });
}

/** One team's block: response, and figures only from the minimum number of respondents. */
export function teamBlock(team: TeamResult, min: number, instrument: Instrument, t: Translate, withChart: boolean): Element[] {
  return [
    { ...plainText(team.teamName, { weight: 'Bolder' }), spacing: 'Large' },
    factSet([responseFact(team, t)]),
    ...(team.figures ? b3ScoresSection(team.figures, team.change, instrument, t, withChart) : [textBlock(t('pulse.results.tooFew', { min }), { isSubtle: true })]),
  ];
}

/**
 * "No comments" may only speak for the teams with figures: said of all teams, it would answer the
 * question the held-back rule leaves open. With no team above the minimum there is nothing to say.
 */
function noCommentsLine(vm: PollResultsView, t: Translate): Element[] {
  if (!vm.heldBack) return [subtle(t('pulse.results.noComments'))];
  return vm.results.teams.some((team) => team.figures) ? [subtle(t('pulse.results.noCommentsShown'))] : [];
}

/** HR's results: overall with a chart, every team, and the open comments (shuffled, unattributed). */
export function pollResultsCard(vm: PollResultsView, t: Translate): AdaptiveCardJson {
  const { results } = vm;
  const min = results.minRespondents;
  const overallTooFew = results.overall.respondents < min ? t('pulse.results.tooFew', { min }) : t('pulse.results.overallWithheld');
  const overall: Element[] = [
    // A one-team poll's overall is that team: name it so.
    { ...plainText(results.teams.length === 1 ? results.teams[0]!.teamName : t('pulse.results.overall'), { weight: 'Bolder', size: 'Medium' }), spacing: 'Large' },
    factSet([responseFact(results.overall, t)]),
    ...(results.overall.figures ? b3ScoresSection(results.overall.figures, results.overall.change, vm.instrument, t, true) : [textBlock(overallTooFew, { isSubtle: true })]),
  ];
  const teams = results.teams.length > 1 ? results.teams.slice(0, MAX_TEAMS).flatMap((team) => teamBlock(team, min, vm.instrument, t, false)) : [];
  let budget = MAX_COMMENTS;
  const comments = vm.comments.flatMap((c) => {
    const texts = c.texts.slice(0, Math.max(0, budget));
    budget -= texts.length;
    return texts.length ? [{ ...plainText(c.teamName, { weight: 'Bolder' }), spacing: 'Medium' as const }, ...texts.map((text) => plainText(`“${truncate(text, MAX_COMMENT_CHARS)}”`))] : [];
  });
  const example = results.overall.figures ?? results.teams.find((x) => x.figures)?.figures;
  return adaptiveCard([
    heading(t('pulse.results.title')),
    subtle(closedSubtitle(vm.closed, results.teams.length, t)),
    ...overall,
    ...(teams.length ? [textBlock(t('pulse.results.perTeam'), { weight: 'Bolder', size: 'Medium', spacing: 'ExtraLarge' }), ...teams] : []),
    ...(results.teams.length > MAX_TEAMS ? [subtle(t('pulse.results.moreTeams', { count: results.teams.length - MAX_TEAMS }))] : []),
    container(
      [
        textBlock(t('pulse.results.comments'), { weight: 'Bolder' }),
        ...(comments.length ? comments : noCommentsLine(vm, t)),
        ...(vm.heldBack ? [subtle(t('pulse.results.heldBack'))] : []),
      ],
      { spacing: 'ExtraLarge', separator: true },
    ),
    ...(example ? scoreExplanation(example, vm.instrument, t, vm.language) : [subtle(t('pulse.results.scale'))]),
  ]);
}
