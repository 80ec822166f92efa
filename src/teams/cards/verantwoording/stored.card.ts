import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/**
 * The answer to a change that was stored when the overview could not be built to show it (the
 * store briefly unavailable for a read): it says what is true, that the change is saved. An
 * error card would say nothing was stored, and a retry would find the change already made.
 */
export function storedCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.stored.title')), textBlock(t('verantwoording.stored.text'))],
    [execute(t('verantwoording.stored.show'), 'showVerantwoording', {}, { associatedInputs: 'none' })],
  );
}
