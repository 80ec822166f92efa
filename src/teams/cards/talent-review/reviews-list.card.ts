import { TalentReview } from '../../../domain/talent-review/review';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/** The manager's planned conversations, each with its prep on request. */
export function reviewsListCard(reviews: TalentReview[], t: Translate, justPlanned?: TalentReview): AdaptiveCardJson {
  return adaptiveCard(
    [
      ...(justPlanned ? [textBlock(t('talentReview.list.planned', { name: justPlanned.reportName, date: justPlanned.date, days: justPlanned.prepDaysBefore }), { weight: 'Bolder', color: 'Good' })] : []),
      heading(t('talentReview.list.title')),
      ...(reviews.length
        ? reviews.map((r) => actionSet([execute(t('talentReview.list.prepNow', { name: r.reportName }), 'showPrep', { reviewId: r.id }, { associatedInputs: 'none' })], { spacing: 'Small' }))
        : [textBlock(t('talentReview.list.empty'))]),
      ...reviews.map((r) => textBlock(t('talentReview.list.item', { name: r.reportName, date: r.date }), { isSubtle: true, size: 'Small', spacing: 'None' })),
    ],
    [execute(t('talentReview.list.planAnother'), 'openPlanReview', {}, { associatedInputs: 'none' })],
  );
}
