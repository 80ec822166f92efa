import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, textBlock } from './card-kit';

type Scope = 'group' | 'personal';

/** Commands per scope, in sections; the personal chat also lists a manager's commands, since anyone may lead a team. */
const SECTIONS: Record<Scope, { title?: string; commands: string[] }[]> = {
  group: [{ commands: ['help', 'setup', 'start', 'newCycle', 'status', 'language'] }],
  personal: [
    { title: 'help.sections.yourself', commands: ['help', 'verantwoording', 'note', 'managerPreview', 'requestReview', 'myData', 'eraseMyData', 'personalLanguage'] },
    { title: 'help.sections.manager', commands: ['planReview', 'prep', 'teamAccount'] },
  ],
};

/** The help, and the greeting in a personal chat: every command the scope understands, in the reader's language. */
export function helpCard(t: Translate, scope: Scope): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('help.title')),
    textBlock(t(`help.intro.${scope}`)),
    ...SECTIONS[scope].flatMap((section) => [
      ...(section.title ? [textBlock(t(section.title), { weight: 'Bolder' as const })] : []),
      factSet(section.commands.map((c) => ({ title: t(`help.commands.${c}.name`), value: t(`help.commands.${c}.description`) }))),
    ]),
  ]);
}
