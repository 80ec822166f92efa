import { Language } from '../../../domain/framework/framework';
import { HrReport, MIN_WEEK_ATTENDANCE } from '../../../domain/hr-report/report';
import { reportAverage, reportDate, reportNumber, reportWeek } from './report-format';
import { Translate } from '../../../i18n/i18n';
import { facilitationSection } from './facilitation.section';
import { adoptionSection } from './adoption.section';
import { learningNeedsSectionCard } from './learning-needs.section';
import { jaarplanSectionCard } from './jaarplan.section';
import { adaptiveCard, AdaptiveCardJson, Element, factSet, heading, subtle, textBlock } from '../card-kit';

/**
 * The card stays well inside Teams' size limit: the latest weeks of energy, and the latest polls of
 * the first teams. What it leaves out is said, with where it is: the downloads hold all of it.
 */
const SHOWN_WEEKS = 12;
const SHOWN_TEAMS = 20;
const SHOWN_POLLS_PER_TEAM = 3;

/** The energy of the latest weeks; the earlier weeks of a longer period are named, not dropped unsaid. */
function energySection(energy: HrReport['energy'], t: Translate, language: Language): Element[] {
  if (!energy.length) return [subtle(t('hrReport.none'))];
  const shown = energy.slice(-SHOWN_WEEKS);
  const earlier = energy.length - shown.length;
  return [
    factSet(shown.map((w) => ({ title: reportWeek(w.week, t), value: `${reportAverage(w.averageIn, t, language)} / ${reportAverage(w.averageOut, t, language)}` }))),
    ...(earlier > 0 ? [subtle(t('hrReport.energyMore', { count: earlier, first: reportWeek(energy[0]!.week, t) }))] : []),
  ];
}

/** The latest polls of the first teams (by name); the earlier polls and the other teams are named with their count. */
function b3Section(b3: HrReport['b3'], t: Translate, language: Language): Element[] {
  if (!b3.length) return [subtle(t('hrReport.none'))];
  const teams = b3.slice(0, SHOWN_TEAMS);
  const earlierPolls = teams.reduce((n, team) => n + Math.max(0, team.polls.length - SHOWN_POLLS_PER_TEAM), 0);
  const otherTeams = b3.slice(SHOWN_TEAMS);
  const otherPolls = otherTeams.reduce((n, team) => n + team.polls.length, 0);
  return [
    factSet(teams.flatMap((team) => team.polls.slice(-SHOWN_POLLS_PER_TEAM).map((p) => ({ title: `${team.team} (${reportDate(p.closedOn, language)})`, value: p.scores ? t('hrReport.b3Scores', p.scores) : t('hrReport.tooFew') })))),
    ...(earlierPolls > 0 ? [subtle(t('hrReport.b3EarlierPolls', { count: earlierPolls }))] : []),
    ...(otherTeams.length ? [subtle(t('hrReport.b3MoreTeams', { count: otherTeams.length, polls: t('hrReport.b3Polls', { count: otherPolls }) }))] : []),
  ];
}

/** Reflectie en terugkoppeling: the half-yearly figures, with downloads through short-lived links. */
export function hrReportCard(report: HrReport, links: { csv: string; summary: string; minutes: number }, t: Translate, language: Language): AdaptiveCardJson {
  const body: Element[] = [
    heading(t('hrReport.title', { from: reportDate(report.period.from, language), to: reportDate(report.period.to, language) })),
    factSet([
      { title: t('hrReport.groupsActive'), value: String(report.groupsActive) },
      { title: t('hrReport.sessionsHeld'), value: String(report.sessionsHeld) },
      { title: t('hrReport.learningHours'), value: reportNumber(report.learningHours, language) },
      { title: t('hrReport.proposalsMade'), value: String(report.proposalsMade) },
      { title: t('hrReport.proposalsValidated'), value: String(report.proposalsValidated) },
    ]),
    subtle(t('hrReport.wholeWeeks', { min: MIN_WEEK_ATTENDANCE })),
    ...jaarplanSectionCard(report.jaarplan, t, language),
    textBlock(t('hrReport.energy'), { weight: 'Bolder', spacing: 'Medium' }),
    ...energySection(report.energy, t, language),
    textBlock(t('hrReport.b3'), { weight: 'Bolder', spacing: 'Medium' }),
    ...b3Section(report.b3, t, language),
    ...facilitationSection(report, t),
    ...adoptionSection(report.adoption, t, language),
    ...(report.learningNeeds ? learningNeedsSectionCard(report.learningNeeds, t, language) : []),
    subtle(t('hrReport.anonymity')),
    subtle(t('hrReport.linksExpire', { count: links.minutes })),
  ];
  return adaptiveCard(body, [
    { type: 'Action.OpenUrl', title: t('hrReport.downloadCsv'), url: links.csv },
    { type: 'Action.OpenUrl', title: t('hrReport.downloadSummary'), url: links.summary },
  ]);
}
