import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from './card-kit';

/** The greeting when the app is added to a group chat or a team channel; it promises an AI draft only when AI is on. */
export function welcomeCard(t: Translate, aiEnabled: boolean): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('welcome.title')), textBlock(t('welcome.intro')), textBlock(t(aiEnabled ? 'welcome.howItWorks' : 'welcome.howItWorksNoAi')), textBlock(t('welcome.privacy'), { isSubtle: true, size: 'Small' })],
    [execute(t('welcome.setUp'), 'openSetup', {}, { style: 'positive', associatedInputs: 'none' })],
  );
}
