import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, textBlock } from './card-kit';

export function helpCard(t: Translate, scope: 'group' | 'personal'): AdaptiveCardJson {
  const commands = scope === 'group' ? ['help', 'setup', 'start', 'newCycle', 'status', 'language'] : ['help', 'verantwoording', 'note', 'managerPreview', 'myData', 'personalLanguage'];
  return adaptiveCard([
    heading(t('help.title')),
    textBlock(t(`help.intro.${scope}`)),
    factSet(commands.map((c) => ({ title: t(`help.commands.${c}.name`), value: t(`help.commands.${c}.description`) }))),
  ]);
}
