import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/**
 * The answer about an account she deleted from her list, whose mark keeps no words: this press found
 * it deleted and sent nothing (`deletedSince`), or it was deleted while this press was still queueing
 * and not every card could be queued (`notFullySent`). Neither says words went (found in review, stop
 * 61): this press's words come back in a field to copy, said not to have gone now (no button sends
 * them; stored nowhere). The buttons: her list, and a new account.
 */
export function teamAccountGoneSinceCard(status: 'deletedSince' | 'notFullySent', t: Translate, typed: string | undefined): AdaptiveCardJson {
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
