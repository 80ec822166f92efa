import { Language } from '../../../domain/framework/framework';
import { HrReport, MIN_WEEK_ATTENDANCE } from '../../../domain/hr-report/report';
import { reportAverage, reportDate, reportNumber, reportWeek } from './report-format';
import { Translate } from '../../../i18n/i18n';
import { facilitationSection } from './facilitation.section';
import { adoptionSection } from './adoption.section';
import { learningNeedsSectionCard } from './learning-needs.section';
import { jaarplanSectionCard } from './jaarplan.section';
import { adaptiveCard, AdaptiveCardJson, Element, factSet, heading, subtle, textBlock, truncate } from '../card-kit';
import { firstCardThatFits } from '../card-size';

/**
 * The card stays well inside Teams' size limit: the latest weeks of energy, and the latest polls of
 * the first teams. What it leaves out is said, with where it is: the downloads hold all of it.
 */
const SHOWN_WEEKS = 12;
const SHOWN_POLLS_PER_TEAM = 3;

/**
 * How much of a busy half-year one step of the size budget shows. Each section caps itself, but
 * long team and group names and texts full of quotation marks and line breaks (two characters
 * each in the JSON) still add up past what Teams delivers, and HR would get no report at all.
 */
export interface ReportFit {
  /** B3 teams shown, each with its latest polls. */
  teams: number;
  /** Adopted proposals shown. */
  proposals: number;
  /** Team and group names are cut to this. */
  nameLength: number;
  /** Typed texts (proposals, L&O's answers, accounts, learning needs) are cut to this, or to their section's own length when shorter. */
  textLength: number;
}

/**
 * From the fullest card to the smallest; the first that fits is sent. The last fits even with
 * every section at its most and every text made of quotation marks (tests/hr-report).
 */
const REPORT_FITS: readonly ReportFit[] = [
  { teams: 20, proposals: 15, nameLength: Infinity, textLength: Infinity },
  { teams: 20, proposals: 15, nameLength: 80, textLength: 200 },
  { teams: 12, proposals: 10, nameLength: 60, textLength: 150 },
  { teams: 8, proposals: 6, nameLength: 40, textLength: 100 },
];

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

/**
 * Team labels cut to `length` where that keeps them apart: a label that would then read like
 * another team's (two teams of one name, "Zorgteam … #3f9a" and "Zorgteam … #b71c", or names alike
 * in their first characters) stays whole, so the card never shows two teams' polls under one name.
 */
function shortTeamLabels(b3: HrReport['b3'], length: number): Map<string, string> {
  const short = new Map(b3.map((team) => [team.team, truncate(team.team, length)]));
  const readers = new Map<string, number>();
  for (const label of short.values()) readers.set(label, (readers.get(label) ?? 0) + 1);
  for (const [label, cut] of short) if (readers.get(cut)! > 1) short.set(label, label);
  return short;
}

/** The latest polls of the first teams (by name); the earlier polls and the other teams are named with their count. */
function b3Section(b3: HrReport['b3'], t: Translate, language: Language, fit: ReportFit): Element[] {
  if (!b3.length) return [subtle(t('hrReport.none'))];
  const teams = b3.slice(0, fit.teams);
  const names = shortTeamLabels(b3, fit.nameLength);
  const earlierPolls = teams.reduce((n, team) => n + Math.max(0, team.polls.length - SHOWN_POLLS_PER_TEAM), 0);
  const otherTeams = b3.slice(fit.teams);
  const otherPolls = otherTeams.reduce((n, team) => n + team.polls.length, 0);
  return [
    factSet(teams.flatMap((team) => team.polls.slice(-SHOWN_POLLS_PER_TEAM).map((p) => ({ title: `${names.get(team.team)!} (${reportDate(p.closedOn, language)})`, value: p.scores ? t('hrReport.b3Scores', p.scores) : t('hrReport.tooFew') })))),
    ...(earlierPolls > 0 ? [subtle(t('hrReport.b3EarlierPolls', { count: earlierPolls }))] : []),
    ...(otherTeams.length ? [subtle(t('hrReport.b3MoreTeams', { count: otherTeams.length, polls: t('hrReport.b3Polls', { count: otherPolls }) }))] : []),
  ];
}

/**
 * Reflectie en terugkoppeling: the half-yearly figures, with downloads through short-lived links.
 * Within the size Teams delivers (`firstCardThatFits`): a busy half-year shows fewer teams and
 * proposals and shorter texts and names, and says so; the downloads hold all of it.
 */
export function hrReportCard(report: HrReport, links: { csv: string; summary: string; minutes: number }, t: Translate, language: Language): AdaptiveCardJson {
  return firstCardThatFits(REPORT_FITS, (fit) => hrReportCardAs(report, links, t, language, fit, fit !== REPORT_FITS[0])).card;
}

/** The card as one step of the size budget holds it; `fitted`: it holds less than it could, to fit. */
function hrReportCardAs(report: HrReport, links: { csv: string; summary: string; minutes: number }, t: Translate, language: Language, fit: ReportFit, fitted: boolean): AdaptiveCardJson {
  const body: Element[] = [
    heading(t('hrReport.title', { from: reportDate(report.period.from, language), to: reportDate(report.period.to, language) })),
    ...(fitted ? [subtle(t('hrReport.fitted'))] : []),
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
    ...b3Section(report.b3, t, language, fit),
    ...facilitationSection(report, t, fit.textLength),
    ...adoptionSection(report.adoption, t, language, fit),
    ...(report.learningNeeds ? learningNeedsSectionCard(report.learningNeeds, t, language, fit.textLength) : []),
    subtle(t('hrReport.anonymity')),
    subtle(t('hrReport.linksExpire', { count: links.minutes })),
  ];
  return adaptiveCard(body, [
    { type: 'Action.OpenUrl', title: t('hrReport.downloadCsv'), url: links.csv },
    { type: 'Action.OpenUrl', title: t('hrReport.downloadSummary'), url: links.summary },
  ]);
}
