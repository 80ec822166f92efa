import { newErasureKey } from '../../../domain/verantwoording/erasure-receipt';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';
import { backToOverview } from './format';

/**
 * "Mijn gegevens": what is kept, where to download it, and the way to erase it. `draft`: the new
 * note being typed on the overview it was opened from, carried back there (also past the confirmation).
 */
export function myDataCard(t: Translate, draft?: string): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.myData.title')), textBlock(t('verantwoording.myData.intro')), textBlock(t('verantwoording.myData.polls')), textBlock(t('verantwoording.myData.export')), textBlock(t('verantwoording.myData.eraseIntro'))],
    [execute(t('verantwoording.myData.erase'), 'askErase', draft ? { text: draft } : {}, { style: 'destructive', associatedInputs: 'none' }), backToOverview(t, draft)],
  );
}

/**
 * The confirmation before erasing: nothing is erased without this second, explicit press. Its
 * random key, made now, lets the press that Teams delivers again after the erasure finished find
 * it done (erasure-receipt.ts) instead of erasing what was written since.
 */
export function eraseConfirmCard(t: Translate, draft?: string, key: string = newErasureKey()): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.erase.confirmTitle')), textBlock(t('verantwoording.erase.confirmText'))],
    [execute(t('verantwoording.erase.confirm'), 'confirmErase', { confirm: 'yes', k: key }, { style: 'destructive', associatedInputs: 'none' }), backToOverview(t, draft, 'verantwoording.erase.cancel')],
  );
}

export function erasedCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('verantwoording.erase.doneTitle')), textBlock(t('verantwoording.erase.doneText'))]);
}

/**
 * A press on the card of an erasure that finished earlier (its receipt is there), while the
 * person's partition holds something again: this press erased nothing, so the answer says the
 * erasure finished earlier, that what they saved since is kept, and how to erase that too.
 */
export function erasedEarlierCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('verantwoording.erase.erasedEarlierTitle')), textBlock(t('verantwoording.erase.erasedEarlierText'))]);
}

/**
 * An erasure that did not finish. Once it has begun, something may already be erased, so this is
 * never the "nothing was lost" error card: it says so, says whether the app finishes it by itself,
 * and carries the confirmation's own button to finish it now (a rerun goes on where it stopped),
 * with the confirm card's key when it had one: the press that finishes it leaves the receipt the
 * first press could not.
 */
export function erasureUnfinishedCard(t: Translate, state: { started: boolean; resumes: boolean }, key?: string): AdaptiveCardJson {
  const text = !state.started ? 'notStartedText' : state.resumes ? 'unfinishedText' : 'unfinishedTextByHand';
  return adaptiveCard(
    [heading(t('verantwoording.erase.unfinishedTitle')), textBlock(t(`verantwoording.erase.${text}`))],
    [execute(t('verantwoording.erase.finish'), 'confirmErase', { confirm: 'yes', ...(key ? { k: key } : {}) }, { style: 'destructive', associatedInputs: 'none' }), execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' })],
  );
}
