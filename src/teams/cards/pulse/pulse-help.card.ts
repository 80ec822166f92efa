import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, plainText, textBlock } from '../card-kit';

export type UsageProblem = 'noDate' | 'noTarget' | 'unknownWords';

/** The poll commands and their syntax, with what went wrong when a command could not be read. */
export function pollHelpCard(t: Translate, problem?: { kind: UsageProblem; words?: string }): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.help.title')),
    ...(problem ? [plainText(t(`pulse.help.${problem.kind}`, { words: problem.words ?? '' }), { color: 'Attention', weight: 'Bolder' })] : [textBlock(t('pulse.help.intro'))]),
    factSet([
      { title: t('pulse.help.start'), value: t('pulse.help.startHelp') },
      { title: t('pulse.help.status'), value: t('pulse.help.statusHelp') },
      { title: t('pulse.help.close'), value: t('pulse.help.closeHelp') },
      { title: t('pulse.help.results'), value: t('pulse.help.resultsHelp') },
    ]),
    textBlock(t('pulse.help.example'), { isSubtle: true, size: 'Small' }),
  ]);
}
