import { trimText } from '../../../domain/shared/text';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, refusalNotice, submittedInput } from '../card-kit';

/**
 * A press on a prep card whose report is no longer the manager's: nothing was stored and no form
 * can take it any more, so the card says why and shows what they typed, to copy.
 */
export function notSavedPrepCard(values: Record<string, unknown>, t: Translate): { card: AdaptiveCardJson; hasText: boolean } {
  const typed = submittedInput(values, 'facilitated');
  const hasText = !!typed && !!trimText(typed);
  const card = adaptiveCard([
    refusalNotice(t('talentReview.form.prepNotTheirs')),
    ...(hasText ? [{ type: 'Input.Text' as const, id: 'notSaved.facilitated', label: t('talentReview.form.typedNotSaved'), isMultiline: true, value: typed }] : []),
  ]);
  return { card, hasText };
}
