import { NO_TEAM } from '../../domain/hr-report/facilitation';
import { HrReport } from '../../domain/hr-report/report';
import { Translate } from '../../i18n/i18n';

/** The facilitation section as CSV rows (section, key, metric, value): counts, and each shared text under its team. */
export function facilitationCsvRows(report: HrReport): (string | number)[][] {
  const f = report.facilitation;
  if (!f) return [];
  return [
    ['facilitation', '', 'conversationsPlanned', f.conversationsPlanned],
    ['facilitation', '', 'withAccount', f.withAccount],
    ...f.shared.flatMap((g) => g.texts.map((text) => ['facilitation', g.team, 'sharedAccount', text])),
  ];
}

/** The facilitation section of the readable summary. */
export function facilitationSummaryLines(report: HrReport, t: Translate): string[] {
  const f = report.facilitation;
  if (!f) return [];
  return [
    t('talentReview.hrFacilitation.title'),
    t('talentReview.hrFacilitation.counts', { withAccount: f.withAccount, count: f.conversationsPlanned }),
    ...(f.shared.length
      ? f.shared.flatMap((g) => [`- ${g.team === NO_TEAM ? t('talentReview.hrFacilitation.noTeam') : g.team}:`, ...g.texts.map((text) => `  - ${text.replace(/\s*\n\s*/g, ' ')}`)])
      : [`- ${t('talentReview.hrFacilitation.noneShared')}`]),
    '',
  ];
}
