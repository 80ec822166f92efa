import { teamAccountShown } from '../../../domain/talent-review/team-account';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';

/**
 * The answer about an account she deleted from her list, whose mark keeps no words: this press found
 * it deleted and sent nothing (`deletedSince`), or it was deleted while this press was still queueing
 * and not every card could be queued (`notFullySent`). Neither says words went (found in review, stop
 * 61): this press's words come back in a field to copy, said not to have gone now (no button sends
 * them; stored nowhere). The buttons: her list, and a new account. So is the answer of a press
 * delivered again that found its record gone without a mark (`goneSince`: her erasure, say): it sent
 * and kept nothing now.
 *
 * `erasedMidSend`: her erasure overtook this send after a card of it went (or may have). Her words
 * are shown as plain text, as on this form (some of her team may have read them), not in a field
 * said not to have gone, and with no button: nothing new is kept while her data is being erased
 * (a new account would be refused), her list is going with it, and a new account would reach
 * whoever already got this one a second time (found in review, stop 62).
 * The words are shown as `teamAccountShown` gives them, never longer than an account can be.
 */
export function teamAccountGoneSinceCard(status: 'deletedSince' | 'notFullySent' | 'goneSince' | 'erasedMidSend', t: Translate, pressed: string | undefined): AdaptiveCardJson {
  // The press's words as the send counts them: control characters out, within the account's limit (the card within Teams' size).
  const typed = pressed === undefined ? undefined : teamAccountShown(pressed);
  if (status === 'erasedMidSend') {
    return adaptiveCard([
      heading(t('teamAccount.title')),
      textBlock(t('teamAccount.erasedMidSend'), { weight: 'Bolder' }),
      ...(typed?.trim() ? [textBlock(t('teamAccount.typedOnForm'), { size: 'Small', weight: 'Bolder' }), plainText(typed)] : []),
    ]);
  }
  return adaptiveCard(
    [
      heading(t('teamAccount.title')),
      textBlock(t(`teamAccount.${status}`), { weight: 'Bolder' }),
      ...(typed?.trim() ? [{ type: 'Input.Text' as const, id: 'notSent.text', label: t('teamAccount.typedNotSentNow'), isMultiline: true, value: typed }] : []),
      textBlock(t('teamAccount.kept.stays'), { isSubtle: true }),
    ],
    [execute(t('teamAccount.kept.showList'), 'openTeamAccounts', { skip: 0 }, { associatedInputs: 'none' }), execute(t('teamAccount.kept.write'), 'openTeamAccount', {}, { associatedInputs: 'none' })],
  );
}
