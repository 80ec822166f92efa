import { PollErrorCode } from '../../../domain/pulse-poll/poll-error';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, plainText, textBlock } from '../card-kit';

/** A refused poll action, politely, in the poll's or the user's language. */
export function pollErrorCard(code: PollErrorCode, params: Record<string, string>, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    textBlock(t('pulse.error.title'), { weight: 'Bolder', color: 'Attention' }),
    // Names the user typed come back in the message: shown as plain text, never as Markdown.
    plainText(t(`pulse.error.${code}`, { maxDays: '60', ...params })),
  ]);
}
