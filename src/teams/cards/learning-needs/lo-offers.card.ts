import { LearningTheme } from '../../../domain/learning-needs/learning-need';
import { CurrentLoOffer } from '../../../domain/learning-needs/lo-offer';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, Element, execute, heading, plainText, subtle, textBlock } from '../card-kit';

/**
 * HR's overview of L&O's offers: every theme with what is offered now (or that nothing is), and
 * one form to open: the theme is chosen here, so the card keeps one button however many themes.
 */
export function loOffersCard(vm: { themes: { theme: LearningTheme; offer?: CurrentLoOffer }[]; language?: Locale }, t: Translate): AdaptiveCardJson {
  const rows: Element[] = vm.themes.flatMap(({ theme, offer }) => [
    textBlock(t(`verantwoording.learningNeed.theme.${theme}`), { weight: 'Bolder', spacing: 'Small' }),
    offer ? plainText(offer.text) : subtle(t('loOffer.none')),
  ]);
  const language = vm.language ? { language: vm.language } : {};
  return adaptiveCard([
    heading(t('loOffer.title')),
    textBlock(t('loOffer.intro'), { isSubtle: true }),
    ...rows,
    {
      type: 'Input.ChoiceSet',
      id: 'theme',
      label: t('loOffer.chooseTheme'),
      style: 'compact',
      value: vm.themes[0]?.theme ?? '',
      choices: vm.themes.map(({ theme }) => ({ title: t(`verantwoording.learningNeed.theme.${theme}`), value: theme })),
    },
    actionSet([execute(t('loOffer.open'), 'openLoOffer', { ...language })]),
  ]);
}
