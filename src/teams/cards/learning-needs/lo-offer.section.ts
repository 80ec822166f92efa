import { CurrentLoOffer } from '../../../domain/learning-needs/lo-offer';
import { Translate } from '../../../i18n/i18n';
import { actionSet, Element, plainText, textBlock } from '../card-kit';

/**
 * L&O's current offers on the member's own learning-need card: for the theme they pass on, or
 * (once handed over, when the theme is no longer kept with them) every theme's, said as such.
 * The words as L&O wrote them (plain text, never markdown); the link as a button.
 */
export function loOfferSection(offers: readonly Pick<CurrentLoOffer, 'theme' | 'text' | 'link'>[], t: Translate, all = false): Element[] {
  if (!offers.length) return [];
  return [
    ...(all ? [textBlock(t('loOffer.member.allIntro'), { spacing: 'Medium', isSubtle: true })] : []),
    ...offers.flatMap((o, i) => [
      textBlock(t('loOffer.member.offer', { theme: t(`verantwoording.learningNeed.theme.${o.theme}`) }), { weight: 'Bolder', spacing: i === 0 && !all ? 'Medium' : 'Small' }),
      plainText(o.text),
      ...(o.link ? [actionSet([{ type: 'Action.OpenUrl' as const, title: t('loOffer.member.openLink'), url: o.link }])] : []),
    ]),
  ];
}
