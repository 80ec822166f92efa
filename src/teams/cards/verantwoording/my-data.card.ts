import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/** "Mijn gegevens": what is kept, where to download it, and the way to erase it. */
export function myDataCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.myData.title')), textBlock(t('verantwoording.myData.intro')), textBlock(t('verantwoording.myData.export')), textBlock(t('verantwoording.myData.eraseIntro'))],
    [execute(t('verantwoording.myData.erase'), 'askErase', {}, { style: 'destructive', associatedInputs: 'none' }), execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' })],
  );
}

/** The confirmation before erasing: nothing is erased without this second, explicit press. */
export function eraseConfirmCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('verantwoording.erase.confirmTitle')), textBlock(t('verantwoording.erase.confirmText'))],
    [execute(t('verantwoording.erase.confirm'), 'confirmErase', { confirm: 'yes' }, { style: 'destructive', associatedInputs: 'none' }), execute(t('verantwoording.erase.cancel'), 'showVerantwoording', {}, { associatedInputs: 'none' })],
  );
}

export function erasedCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('verantwoording.erase.doneTitle')), textBlock(t('verantwoording.erase.doneText'))]);
}
