import { LoOffer } from '../../../domain/learning-needs/lo-offer';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, subtle } from '../card-kit';

/** What HR sees after a save or a clear: the theme's offer as stored, and the way back (in the same language). */
export function loOfferSavedCard(offer: Pick<LoOffer, 'theme' | 'text' | 'link'>, t: Translate, language?: Locale): AdaptiveCardJson {
  const theme = t(`verantwoording.learningNeed.theme.${offer.theme}`);
  const lang = language ? { language } : {};
  return adaptiveCard(
    offer.text
      ? [heading(t('loOffer.savedTitle', { theme })), plainText(offer.text), ...(offer.link ? [plainText(offer.link, { isSubtle: true })] : []), subtle(t('loOffer.savedNext'))]
      : [heading(t('loOffer.clearedTitle', { theme })), subtle(t('loOffer.clearedNext'))],
    [execute(t('loOffer.change'), 'openLoOffer', { theme: offer.theme, ...lang }, { associatedInputs: 'none' }), execute(t('loOffer.back'), 'openLoOffers', { ...lang }, { associatedInputs: 'none' })],
  );
}
