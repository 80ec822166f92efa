import { Language } from '../../../domain/framework/framework';
import { HrReport, MIN_WEEK_ATTENDANCE } from '../../../domain/hr-report/report';
import { reportAverage, reportDate, reportNumber, reportWeek } from './report-format';
import { Translate } from '../../../i18n/i18n';
import { facilitationSection } from './facilitation.section';
import { adoptionSection } from './adoption.section';
import { learningNeedsSectionCard } from './learning-needs.section';
import { adaptiveCard, AdaptiveCardJson, Element, factSet, heading, subtle, textBlock } from '../card-kit';

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
    textBlock(t('hrReport.energy'), { weight: 'Bolder', spacing: 'Medium' }),
    report.energy.length
      ? factSet(report.energy.slice(-12).map((w) => ({ title: reportWeek(w.week, t), value: `${reportAverage(w.averageIn, t, language)} / ${reportAverage(w.averageOut, t, language)}` })))
      : subtle(t('hrReport.none')),
    textBlock(t('hrReport.b3'), { weight: 'Bolder', spacing: 'Medium' }),
    report.b3.length
      ? factSet(report.b3.slice(0, 20).flatMap((team) => team.polls.slice(-3).map((p) => ({ title: `${team.team} (${reportDate(p.closedOn, language)})`, value: p.scores ? t('hrReport.b3Scores', p.scores) : t('hrReport.tooFew') }))))
      : subtle(t('hrReport.none')),
    ...facilitationSection(report, t),
    ...adoptionSection(report.adoption, t, language),
    ...(report.learningNeeds ? learningNeedsSectionCard(report.learningNeeds, t) : []),
    subtle(t('hrReport.anonymity')),
    subtle(t('hrReport.linksExpire', { count: links.minutes })),
  ];
  return adaptiveCard(body, [
    { type: 'Action.OpenUrl', title: t('hrReport.downloadCsv'), url: links.csv },
    { type: 'Action.OpenUrl', title: t('hrReport.downloadSummary'), url: links.summary },
  ]);
}
