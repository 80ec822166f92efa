import { NO_TEAM } from '../../../domain/hr-report/facilitation';
import { HrReport } from '../../../domain/hr-report/report';
import { Translate } from '../../../i18n/i18n';
import { Element, plainText, subtle, textBlock, truncate } from '../card-kit';

const MAX_TEAMS = 10;
const MAX_TEXTS_PER_TEAM = 3;
const TEXT_LENGTH = 400;

/** The HR card's section on the managers' facilitation accounts: counts, and the shared texts per team. */
export function facilitationSection(report: HrReport, t: Translate): Element[] {
  const f = report.facilitation;
  if (!f) return [];
  const shared = f.shared.slice(0, MAX_TEAMS);
  return [
    textBlock(t('talentReview.hrFacilitation.title'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(t('talentReview.hrFacilitation.counts', { withAccount: f.withAccount, count: f.conversationsPlanned })),
    ...(shared.length
      ? [
          textBlock(t('talentReview.hrFacilitation.sharedTitle'), { weight: 'Bolder', size: 'Small' }),
          ...shared.flatMap((g) => [
            plainText(g.team === NO_TEAM ? t('talentReview.hrFacilitation.noTeam') : g.team, { weight: 'Bolder', size: 'Small' }),
            // Manager-written text: plain text runs, never Markdown.
            ...g.texts.slice(0, MAX_TEXTS_PER_TEAM).map((text) => ({ ...plainText(`• ${truncate(text, TEXT_LENGTH)}`), spacing: 'None' as const })),
            ...(g.texts.length > MAX_TEXTS_PER_TEAM ? [subtle(t('talentReview.hrFacilitation.moreTexts', { count: g.texts.length - MAX_TEXTS_PER_TEAM }))] : []),
          ]),
        ]
      : [subtle(t('talentReview.hrFacilitation.noneShared'))]),
  ];
}
