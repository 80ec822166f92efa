import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, textBlock } from './card-kit';

/**
 * What an older copy of the session card becomes once "Toon sessie" put the card at the bottom of
 * the chat: no buttons and no refresh, so nobody acts on a copy the group's steps no longer follow.
 */
export function sessionMovedCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([textBlock(t('session.moved'), { wrap: true, isSubtle: true })]);
}
