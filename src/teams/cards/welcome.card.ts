import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from './card-kit';

/** The greeting when the app is added to a group chat or a team channel. */
export function welcomeCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('welcome.title')), textBlock(t('welcome.intro')), textBlock(t('welcome.howItWorks')), textBlock(t('welcome.privacy'), { isSubtle: true, size: 'Small' })],
    [execute(t('welcome.setUp'), 'openSetup', {}, { style: 'positive', associatedInputs: 'none' })],
  );
}
