import { ErrorCode } from '../../domain/shared/errors';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, textBlock } from './card-kit';

/** A friendly, coded error in the user's language; the original card stays as it was. */
export function errorCard(code: ErrorCode | 'unexpected', t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    textBlock(t('error.title'), { weight: 'Bolder', color: 'Attention' }),
    textBlock(t(`error.${code}`)),
    textBlock(t('error.nothingLost'), { isSubtle: true, size: 'Small' }),
  ]);
}
