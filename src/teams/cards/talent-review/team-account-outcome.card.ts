import { Translate } from '../../../i18n/i18n';
import { TeamAccountOutcome } from '../../../usecases/talent-review/account-to-team';
import { adaptiveCard, AdaptiveCardJson, heading, plainText, textBlock } from '../card-kit';

/**
 * What the manager hears of their account: who it went to (the directory's names, as plain text)
 * and their words as sent; or that the directory names no one in their team, so nothing went.
 */
export function teamAccountOutcomeCard(outcome: TeamAccountOutcome, t: Translate): AdaptiveCardJson {
  if (outcome.status === 'noTeam') return adaptiveCard([heading(t('teamAccount.title')), textBlock(t('teamAccount.noTeam'))]);
  return adaptiveCard([
    heading(t('teamAccount.sentTitle')),
    textBlock(t('teamAccount.sentTo', { count: outcome.recipients.length }), { weight: 'Bolder' }),
    plainText(outcome.recipients.join(', ')),
    ...(outcome.toOwnManager ? [textBlock(t('teamAccount.sentUpToo'))] : []),
    textBlock(t('teamAccount.yourWords'), { size: 'Small', weight: 'Bolder' }),
    plainText(outcome.text),
    textBlock(t('teamAccount.sentNext'), { isSubtle: true }),
  ]);
}
