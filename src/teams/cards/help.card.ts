import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, textBlock } from './card-kit';

type Scope = 'group' | 'personal';

/** Commands per scope, in sections; the personal chat also lists a manager's commands, since anyone may lead a team. */
/** `keys`: where the commands' texts are (a feature's own language file), by default `help.commands`. */
const SECTIONS: Record<Scope, { title?: string; keys?: string; commands: string[] }[]> = {
  group: [{ commands: ['help', 'setup', 'start', 'newCycle', 'status', 'language'] }],
  personal: [
    { title: 'help.sections.yourself', commands: ['help', 'verantwoording', 'note', 'managerPreview', 'requestReview', 'myData', 'eraseMyData', 'personalLanguage'] },
    { title: 'help.sections.manager', commands: ['planReview', 'prep', 'teamAccount'] },
    // Refused for anyone but HR/L&O; listed for all, as the manager's are.
    { title: 'jaarplan.help.section', keys: 'jaarplan.help.commands', commands: ['report', 'jaarplan'] },
    { keys: 'proposalToLo.help.commands', commands: ['proposals'] },
  ],
};

/** The help, and the greeting in a personal chat: every command the scope understands, in the reader's language. */
export function helpCard(t: Translate, scope: Scope): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('help.title')),
    textBlock(t(`help.intro.${scope}`)),
    ...SECTIONS[scope].flatMap((section) => [
      ...(section.title ? [textBlock(t(section.title), { weight: 'Bolder' as const })] : []),
      factSet(section.commands.map((c) => ({ title: t(`${section.keys ?? 'help.commands'}.${c}.name`), value: t(`${section.keys ?? 'help.commands'}.${c}.description`) }))),
    ]),
  ]);
}
