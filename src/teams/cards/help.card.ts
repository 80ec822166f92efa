import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, textBlock } from './card-kit';

type Scope = 'group' | 'personal';

/** Commands per scope, in sections; the personal chat also lists a manager's commands, since anyone may lead a team. */
/** `keys`: where the commands' texts are (a feature's own language file), by default `help.commands`. */
/**
 * HR/L&O's commands are refused for anyone else; listed for all, as the manager's are. In a group
 * chat or channel only those that work there (`rapport` and `jaarplan` show a card only the asker
 * opens); `voorstellen` and `aanbod` answer there only where to go, so only the 1:1 chat lists them.
 * tests/i18n/help-lists-every-command.test.ts holds every scope's list to the registered commands.
 */
const SECTIONS: Record<Scope, { title?: string; keys?: string; commands: string[] }[]> = {
  group: [
    { commands: ['help', 'setup', 'start', 'newCycle', 'status', 'language'] },
    { title: 'jaarplan.help.section', keys: 'pulse.help.commands', commands: ['poll'] },
    { keys: 'jaarplan.help.commands', commands: ['report', 'jaarplan'] },
  ],
  personal: [
    { title: 'help.sections.yourself', commands: ['help', 'verantwoording', 'note', 'managerPreview', 'requestReview', 'myData', 'eraseMyData', 'personalLanguage'] },
    { title: 'help.sections.manager', commands: ['planReview', 'prep', 'teamAccount'] },
    { title: 'jaarplan.help.section', keys: 'jaarplan.help.commands', commands: ['report', 'jaarplan'] },
    { keys: 'proposalToLo.help.commands', commands: ['proposals'] },
    { keys: 'loOffer.help.commands', commands: ['offer'] },
    { keys: 'pulse.help.commands', commands: ['poll'] },
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
