import { MIN_CONVERSATIONS_PER_MONTH } from '../../domain/hr-report/facilitation';
import { HrReport } from '../../domain/hr-report/report';
import { Translate } from '../../i18n/i18n';
import { oneLine } from '../../teams/cards/hr-report/report-format';

/** The facilitation section as CSV rows (section, key, metric, value): counts, and each shared text (no key: quotes are unlabelled). */
export function facilitationCsvRows(report: HrReport): (string | number)[][] {
  const f = report.facilitation;
  if (!f) return [];
  return [
    ['facilitation', '', 'conversationsPlanned', f.conversationsPlanned],
    ['facilitation', '', 'withAccount', f.withAccount],
    ...f.shared.map((text) => ['facilitation', '', 'sharedAccount', text]),
  ];
}

/** The facilitation section of the readable summary. */
export function facilitationSummaryLines(report: HrReport, t: Translate): string[] {
  const f = report.facilitation;
  if (!f) return [];
  return [
    t('talentReview.hrFacilitation.title'),
    t('talentReview.hrFacilitation.counts', { withAccount: f.withAccount, count: f.conversationsPlanned }),
    t('talentReview.hrFacilitation.wholeMonths', { min: MIN_CONVERSATIONS_PER_MONTH }),
    ...(f.shared.length ? [`- ${t('talentReview.hrFacilitation.sharedTitle')}:`, ...f.shared.map((text) => `  - ${oneLine(text)}`)] : [`- ${t('talentReview.hrFacilitation.noneShared')}`]),
    '',
  ];
}
