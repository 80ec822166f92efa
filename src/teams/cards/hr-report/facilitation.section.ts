import { MIN_CONVERSATIONS_PER_MONTH } from '../../../domain/hr-report/facilitation';
import { HrReport } from '../../../domain/hr-report/report';
import { Translate } from '../../../i18n/i18n';
import { Element, plainText, subtle, textBlock, truncate } from '../card-kit';

const MAX_TEXTS = 10;
const TEXT_LENGTH = 400;

/**
 * The HR card's section on the managers' facilitation accounts: counts, and the texts shared with
 * HR (unlabelled). `textLength`: shorter still, when the whole card must fit (hr-report.card).
 */
export function facilitationSection(report: HrReport, t: Translate, textLength = Infinity): Element[] {
  const f = report.facilitation;
  if (!f) return [];
  return [
    textBlock(t('talentReview.hrFacilitation.title'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(t('talentReview.hrFacilitation.counts', { withAccount: f.withAccount, count: f.conversationsPlanned })),
    subtle(t('talentReview.hrFacilitation.wholeMonths', { min: MIN_CONVERSATIONS_PER_MONTH })),
    ...(f.shared.length
      ? [
          textBlock(t('talentReview.hrFacilitation.sharedTitle'), { weight: 'Bolder', size: 'Small' }),
          // Manager-written text: plain text runs, never Markdown.
          ...f.shared.slice(0, MAX_TEXTS).map((text) => ({ ...plainText(`• ${truncate(text, Math.min(TEXT_LENGTH, textLength))}`), spacing: 'None' as const })),
          ...(f.shared.length > MAX_TEXTS ? [subtle(t('talentReview.hrFacilitation.moreTexts', { count: f.shared.length - MAX_TEXTS }))] : []),
        ]
      : [subtle(t('talentReview.hrFacilitation.noneShared'))]),
  ];
}
