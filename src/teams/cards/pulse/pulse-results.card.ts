import { Instrument } from '../../../domain/pulse-poll/instrument';
import { PollResults, TeamResult } from '../../../domain/pulse-poll/results';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, Element, execute, factSet, heading, plainText, subtle, textBlock, truncate } from '../card-kit';
import { firstCardThatFits } from '../card-size';
import { b3ScoresSection } from './b3-scores.section';
import { scoreExplanation } from './score-explanation.section';

/** How much of the results a card shows: teams, comments, and how long a comment and a team's name may be. */
interface ResultsFit {
  teams: number;
  comments: number;
  commentChars: number;
  nameChars: number;
}

/**
 * From the fullest card to the smallest. An "alle teams" poll of many teams with long names (Teams
 * allows 256 characters) and long comments (quotes and line breaks count twice in the JSON) goes past
 * the size Teams delivers, and HR would get no card at all: names are cut first (as on the prep
 * card, at 80), then comments, then fewer comments and teams. The last step fits whatever was
 * typed (a comment of characters JSON escapes at six each included).
 */
const FITS: readonly ResultsFit[] = [
  { teams: 25, comments: 40, commentChars: 500, nameChars: Infinity },
  { teams: 25, comments: 40, commentChars: 500, nameChars: 80 },
  { teams: 25, comments: 40, commentChars: 300, nameChars: 80 },
  { teams: 25, comments: 30, commentChars: 300, nameChars: 80 },
  { teams: 25, comments: 20, commentChars: 300, nameChars: 80 },
  { teams: 25, comments: 20, commentChars: 200, nameChars: 60 },
  { teams: 15, comments: 15, commentChars: 200, nameChars: 60 },
  { teams: 10, comments: 10, commentChars: 150, nameChars: 60 },
];

export interface PollResultsView {
  pollId: string;
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
export function teamBlock(team: TeamResult, min: number, instrument: Instrument, t: Translate, withChart: boolean, nameChars = Infinity): Element[] {
  return [
    { ...plainText(truncate(team.teamName, nameChars), { weight: 'Bolder' }), spacing: 'Large' },
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

/**
 * HR's results: overall with a chart, every team, and the open comments (shuffled, unattributed),
 * within the size Teams delivers (`firstCardThatFits`). What the card leaves out it says: the
 * teams and the comments it has no room for, by number.
 */
export function pollResultsCard(vm: PollResultsView, t: Translate): AdaptiveCardJson {
  return firstCardThatFits(FITS, (fit) => pollResultsCardAs(vm, t, fit)).card;
}

function pollResultsCardAs(vm: PollResultsView, t: Translate, fit: ResultsFit): AdaptiveCardJson {
  const { results } = vm;
  const min = results.minRespondents;
  const name = (teamName: string) => truncate(teamName, fit.nameChars);
  const overallTooFew = results.overall.respondents < min ? t('pulse.results.tooFew', { min }) : t('pulse.results.overallWithheld');
  const overall: Element[] = [
    // A one-team poll's overall is that team: name it so.
    { ...plainText(results.teams.length === 1 ? name(results.teams[0]!.teamName) : t('pulse.results.overall'), { weight: 'Bolder', size: 'Medium' }), spacing: 'Large' },
    factSet([responseFact(results.overall, t)]),
    ...(results.overall.figures ? b3ScoresSection(results.overall.figures, results.overall.change, vm.instrument, t, true) : [textBlock(overallTooFew, { isSubtle: true })]),
  ];
  const teams = results.teams.length > 1 ? results.teams.slice(0, fit.teams).flatMap((team) => teamBlock(team, min, vm.instrument, t, false, fit.nameChars)) : [];
  let budget = fit.comments;
  const comments = vm.comments.flatMap((c) => {
    const texts = c.texts.slice(0, Math.max(0, budget));
    budget -= texts.length;
    return texts.length ? [{ ...plainText(name(c.teamName), { weight: 'Bolder' }), spacing: 'Medium' as const }, ...texts.map((text) => plainText(`“${truncate(text, fit.commentChars)}”`))] : [];
  });
  // Counted among the comments the card was given, those of teams with figures only: the number
  // the card would show with room for all, nothing about a team below the minimum.
  const commentsLeftOut = Math.max(0, vm.comments.reduce((n, c) => n + c.texts.length, 0) - fit.comments);
  const someCut = vm.comments.some((c) => c.texts.some((text) => text.length > fit.commentChars));
  const example = results.overall.figures ?? results.teams.find((x) => x.figures)?.figures;
  return adaptiveCard([
    heading(t('pulse.results.title')),
    subtle(closedSubtitle(vm.closed, results.teams.length, t)),
    ...overall,
    ...(teams.length ? [textBlock(t('pulse.results.perTeam'), { weight: 'Bolder', size: 'Medium', spacing: 'ExtraLarge' }), ...teams] : []),
    ...(results.teams.length > fit.teams ? [subtle(t('pulse.results.moreTeams', { count: results.teams.length - fit.teams }))] : []),
    container(
      [
        textBlock(t('pulse.results.comments'), { weight: 'Bolder' }),
        ...(comments.length ? comments : noCommentsLine(vm, t)),
        ...(commentsLeftOut > 0 ? [subtle(t('pulse.results.moreComments', { count: commentsLeftOut }))] : []),
        ...(commentsLeftOut > 0 || someCut ? [actionSet([execute(t('pulse.results.readAllComments'), 'pulseResults', { pollId: vm.pollId, comments: 0 })])] : []),
        ...(vm.heldBack ? [subtle(t('pulse.results.heldBack'))] : []),
      ],
      { spacing: 'ExtraLarge', separator: true },
    ),
    ...(example ? scoreExplanation(example, vm.instrument, t, vm.language) : [subtle(t('pulse.results.scale'))]),
  ]);
}

/** How many comments a page of comments holds, from the most: each shown whole, as written. */
const COMMENT_PAGE_SIZES: readonly number[] = [40, 25, 15, 10, 6, 4, 2, 1];

/**
 * HR's comments in full, a page at a time from `from` (the results card shows at most 40, each
 * cut at 500 characters). The same comments, in the same order, as the results card: teams with
 * figures only, never attributed; each page within the size Teams delivers, naming the team a
 * comment came from as the results card does, and "continued" where a page starts mid-team.
 */
export function pollCommentsCard(vm: PollResultsView, t: Translate, from: number): AdaptiveCardJson {
  const all = vm.comments.flatMap((c) => c.texts.map((text) => ({ teamName: c.teamName, text })));
  const start = Math.min(Math.max(0, from), all.length);
  const back = execute(t('pulse.results.backToResults'), 'pulseResults', { pollId: vm.pollId });
  const head = [heading(t('pulse.results.title')), subtle(closedSubtitle(vm.closed, vm.results.teams.length, t))];
  if (start >= all.length) return adaptiveCard([...head, subtle(t('pulse.results.noMoreComments'))], [back]);
  return firstCardThatFits(COMMENT_PAGE_SIZES, (size) => {
    const shown = all.slice(start, start + size);
    const end = start + shown.length;
    const items = shown.flatMap((c, i) => {
      const newTeam = i === 0 || shown[i - 1]!.teamName !== c.teamName;
      const continued = i === 0 && start > 0 && all[start - 1]!.teamName === c.teamName;
      const header = continued ? t('pulse.results.teamContinued', { team: c.teamName }) : c.teamName;
      return [...(newTeam ? [{ ...plainText(header, { weight: 'Bolder' }), spacing: 'Medium' as const }] : []), plainText(`“${c.text}”`)];
    });
    return adaptiveCard(
      [
        ...head,
        container([textBlock(t('pulse.results.commentsPage', { from: start + 1, to: end, total: all.length }), { weight: 'Bolder' }), ...items], { spacing: 'Large' }),
        ...(end < all.length ? [subtle(t('pulse.results.commentsAfterPage', { count: all.length - end }))] : []),
      ],
      [...(end < all.length ? [execute(t('pulse.results.nextComments'), 'pulseResults', { pollId: vm.pollId, comments: end })] : []), back],
    );
  }).card;
}
