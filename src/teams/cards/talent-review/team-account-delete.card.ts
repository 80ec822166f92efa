import { TeamAccountRecord } from '../../../domain/talent-review/team-account';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';
import { keptAccountItems, KeptAccountsView } from './team-accounts-kept.section';

/**
 * The confirm before a kept account is deleted: the account in full, and that only the manager's
 * own copy goes: what was sent stays in the chats it went to (the team's, and their own manager's).
 */
export function teamAccountDeleteCard(account: TeamAccountRecord, view: Pick<KeptAccountsView, 'locale' | 'timeZone'>, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('teamAccount.kept.confirmTitle')), ...keptAccountItems(account, view, t, false), textBlock(t(account.toOwnManager ? 'teamAccount.kept.confirmStaysUp' : 'teamAccount.kept.confirmStays'), { weight: 'Bolder' })],
    [
      execute(t('teamAccount.kept.confirmYes'), 'deleteTeamAccount', { id: account.id }, { style: 'destructive', associatedInputs: 'none' }),
      execute(t('teamAccount.kept.confirmNo'), 'openTeamAccount', {}, { associatedInputs: 'none' }),
    ],
  );
}
