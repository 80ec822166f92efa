import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, textBlock } from '../card-kit';
import { backToOverview } from './format';

/**
 * The answer to a change that was stored when the overview could not be built to show it (the
 * store briefly unavailable for a read): it says what is true, that the change is saved. An
 * error card would say nothing was stored, and a retry would find the change already made.
 * `draft`: a new note being typed when the change was made, shown again with the overview.
 */
export function storedCard(t: Translate, draft?: string): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.stored.title')), textBlock(t('verantwoording.stored.text'))],
    [backToOverview(t, draft, 'verantwoording.stored.show')],
  );
}
