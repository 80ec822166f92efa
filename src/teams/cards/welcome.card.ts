import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from './card-kit';

/**
 * The greeting when the app is added back to a chat whose group it still has: in the group's
 * language, and no invitation to set up a group that exists (its weeks and answers are all there).
 * The group's name is typed by a member: the sentence is a TextRun, never Markdown.
 */
export function welcomeBackCard(groupName: string, t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('welcome.backTitle')), plainText(t('welcome.back', { group: groupName }))], [execute(t('welcome.settings'), 'openSetup', {}, { associatedInputs: 'none' })]);
}

/**
 * The greeting when the app is added to a group chat or a team channel; it promises an AI draft
 * only when AI is on. Its last line is in the other language, naming the command that switches
 * (`welcome.otherLanguage`: English in the Dutch card, Dutch in the English one), so a reader of
 * the other language has a way in they can read.
 */
export function welcomeCard(t: Translate, aiEnabled: boolean): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('welcome.title')),
      textBlock(t('welcome.intro')),
      textBlock(t(aiEnabled ? 'welcome.howItWorks' : 'welcome.howItWorksNoAi')),
      textBlock(t('welcome.privacy'), { isSubtle: true, size: 'Small' }),
      textBlock(t('welcome.otherLanguage')),
    ],
    [execute(t('welcome.setUp'), 'openSetup', {}, { style: 'positive', associatedInputs: 'none' })],
  );
}
