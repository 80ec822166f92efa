import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from './card-kit';

/**
 * The private offer, in a member's 1:1 chat with the bot, to sketch their Prof-traject during
 * their group's first cycle. The button opens Mijn verantwoording's own form. The sentence names
 * the group as a member typed it: a TextRun, so the name is never read as Markdown (a link).
 */
export function profTrajectOfferCard(view: { groupName: string; plannedWeeks: number }, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('profTrajectOffer.title')), plainText(t('profTrajectOffer.text', { group: view.groupName, count: view.plannedWeeks })), textBlock(t('profTrajectOffer.private'), { isSubtle: true })],
    [execute(t('profTrajectOffer.open'), 'openTraject', {}, { style: 'positive', associatedInputs: 'none' })],
  );
}
