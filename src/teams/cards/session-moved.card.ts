import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, textBlock } from './card-kit';

/**
 * Why a copy of the session card no longer follows the session: "Toon sessie" put the card at the
 * bottom of the chat (`moved`); another member's press opened the session at the same moment and
 * its card is the live one (`openedElsewhere`); the session this card showed was not stored
 * (`notStarted`); or the store could not say whether it was (`unknown`).
 */
export type MovedBecause = 'moved' | 'openedElsewhere' | 'notStarted' | 'unknown';

const TEXT_KEYS: Record<MovedBecause, string> = {
  moved: 'session.moved',
  openedElsewhere: 'session.openedElsewhere',
  notStarted: 'session.notStarted',
  unknown: 'session.startUnknown',
};

/**
 * What a copy of the session card becomes when the group's steps no longer follow it: no buttons
 * and no refresh, so nobody acts on it, and a line that says where the live card is.
 */
export function sessionMovedCard(t: Translate, because: MovedBecause = 'moved'): AdaptiveCardJson {
  return adaptiveCard([textBlock(t(TEXT_KEYS[because]), { wrap: true, isSubtle: true })]);
}
