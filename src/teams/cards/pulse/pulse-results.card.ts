import { Instrument } from '../../../domain/pulse-poll/instrument';
import { PollResults, TeamResult } from '../../../domain/pulse-poll/results';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, Element, factSet, heading, plainText, subtle, textBlock, truncate } from '../card-kit';
import { b3ScoresSection } from './b3-scores.section';

const MAX_TEAMS = 25;
const MAX_COMMENTS = 40;
const MAX_COMMENT_CHARS = 500;

export interface PollResultsView {
  instrument: Instrument;
  /** yyyy-mm-dd of the closing date, displayed. */
  closesLabel: string;
  open: boolean;
  results: PollResults;
  comments: { teamName: string; texts: string[] }[];
}

function responseFact(r: Pick<TeamResult, 'respondents' | 'memberCount' | 'responseRate'>, t: Translate) {
  return {
    title: t('pulse.results.response'),
    value: r.memberCount ? t('pulse.results.responseValue', { respondents: r.respondents, members: r.memberCount, rate: r.responseRate ?? 0 }) : t('pulse.results.responseCount', { respondents: r.respondents }),
  };
}

/** One team's block: response, and figures only from the minimum number of respondents. */
export function teamBlock(team: TeamResult, min: number, instrument: Instrument, t: Translate, withChart: boolean): Element[] {
  return [
    textBlock(team.teamName, { weight: 'Bolder', spacing: 'Large' }),
    factSet([responseFact(team, t)]),
    ...(team.figures ? b3ScoresSection(team.figures, team.change, instrument, t, withChart) : [textBlock(t('pulse.results.tooFew', { min }), { isSubtle: true })]),
  ];
}

/** HR's results: overall with a chart, every team, and the open comments (shuffled, unattributed). */
export function pollResultsCard(vm: PollResultsView, t: Translate): AdaptiveCardJson {
  const { results } = vm;
  const min = results.minRespondents;
  const overall: Element[] = [
    textBlock(t('pulse.results.overall'), { weight: 'Bolder', size: 'Medium', spacing: 'Large' }),
    factSet([responseFact(results.overall, t)]),
    ...(results.overall.figures ? b3ScoresSection(results.overall.figures, results.overall.change, vm.instrument, t, true) : [textBlock(t('pulse.results.tooFew', { min }), { isSubtle: true })]),
  ];
  const teams = results.teams.length > 1 ? results.teams.slice(0, MAX_TEAMS).flatMap((team) => teamBlock(team, min, vm.instrument, t, false)) : [];
  let budget = MAX_COMMENTS;
  const comments = vm.comments.flatMap((c) => {
    const texts = c.texts.slice(0, Math.max(0, budget));
    budget -= texts.length;
    return texts.length ? [textBlock(c.teamName, { weight: 'Bolder', spacing: 'Medium' }), ...texts.map((text) => plainText(`“${truncate(text, MAX_COMMENT_CHARS)}”`))] : [];
  });
  return adaptiveCard([
    heading(t('pulse.results.title')),
    subtle(vm.open ? t('pulse.results.subtitleOpen', { date: vm.closesLabel }) : t('pulse.results.subtitle', { date: vm.closesLabel, teams: results.teams.length })),
    ...overall,
    ...(teams.length ? [textBlock(t('pulse.results.perTeam'), { weight: 'Bolder', size: 'Medium', spacing: 'ExtraLarge' }), ...teams] : []),
    ...(results.teams.length > MAX_TEAMS ? [subtle(t('pulse.results.moreTeams', { count: results.teams.length - MAX_TEAMS }))] : []),
    container(
      [textBlock(t('pulse.results.comments'), { weight: 'Bolder' }), ...(comments.length ? comments : [subtle(t('pulse.results.noComments'))])],
      { spacing: 'ExtraLarge', separator: true },
    ),
    subtle(t('pulse.results.scale')),
  ]);
}

/** A manager's view: their own team's figures only, no comments. */
export function teamResultsCard(vm: { instrument: Instrument; closesLabel: string; open: boolean; team: TeamResult; minRespondents: number }, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.results.title')),
    subtle(vm.open ? t('pulse.results.subtitleOpen', { date: vm.closesLabel }) : t('pulse.results.subtitle', { date: vm.closesLabel, teams: 1 })),
    ...teamBlock(vm.team, vm.minRespondents, vm.instrument, t, true),
    subtle(t('pulse.results.scale')),
  ]);
}
