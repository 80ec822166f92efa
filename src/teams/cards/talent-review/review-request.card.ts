import { ReviewRequest } from '../../../domain/talent-review/review-request';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, subtle, textBlock } from '../card-kit';

/**
 * The manager's card when a direct report asks for a talentontwikkelgesprek, in the manager's 1:1
 * chat. It names the professional and shows their own message, both as plain text (never read as
 * Markdown), and nothing else of theirs; its button opens the plan card with them chosen.
 */
export function reviewRequestCard(request: Pick<ReviewRequest, 'professionalId' | 'professionalName' | 'message'>, t: Translate): AdaptiveCardJson {
  const name = request.professionalName?.trim() || t('talentReview.request.someone');
  return adaptiveCard(
    [
      heading(t('talentReview.request.managerTitle')),
      plainText(t('talentReview.request.managerLine', { name }), { weight: 'Bolder' }),
      ...(request.message ? [textBlock(t('talentReview.request.managerMessage'), { size: 'Small', weight: 'Bolder' }), plainText(request.message)] : []),
      subtle(t('talentReview.request.managerHint')),
    ],
    [execute(t('talentReview.request.plan'), 'openPlanReview', { reportId: request.professionalId }, { style: 'positive', associatedInputs: 'none' })],
  );
}
