import { ErrorCode } from '../../../domain/shared/errors';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, textBlock } from '../card-kit';

const KNOWN = ['invalidInput', 'notFound', 'forbidden', 'conflict'] as const;

/** A refusal in the personal chat, in the user's language, with the way back to the overview. */
export function verantwoordingErrorCard(code: ErrorCode | 'unexpected', t: Translate): AdaptiveCardJson {
  const key = (KNOWN as readonly string[]).includes(code) ? code : code === 'unexpected' ? 'unexpected' : 'invalidInput';
  return adaptiveCard(
    [
      textBlock(t('verantwoording.error.title'), { weight: 'Bolder', color: 'Attention' }),
      textBlock(t(`verantwoording.error.${key}`)),
      textBlock(t('verantwoording.error.nothingLost'), { isSubtle: true, size: 'Small' }),
    ],
    [execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' })],
  );
}
