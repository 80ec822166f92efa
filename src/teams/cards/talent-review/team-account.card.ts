import { TeamAccount } from '../../../domain/talent-review/team-account';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, subtle } from '../card-kit';

/**
 * A team member's card when their manager accounts to the team, in the member's 1:1 chat. It names
 * the manager and shows their words, both as plain text (never read as Markdown), and says that
 * the whole team got the same; its button asks for a talentontwikkelgesprek, where it can be talked about.
 */
export function teamAccountCard(account: Pick<TeamAccount, 'managerName' | 'text'>, t: Translate): AdaptiveCardJson {
  const manager = account.managerName?.trim() || t('teamAccount.yourManager');
  return adaptiveCard(
    [heading(t('teamAccount.memberTitle')), plainText(t('teamAccount.memberLine', { manager }), { weight: 'Bolder' }), plainText(account.text), subtle(t('teamAccount.memberHint'))],
    [execute(t('teamAccount.talk'), 'openReviewRequest', {}, { associatedInputs: 'none' })],
  );
}

/**
 * The same account for the manager's own manager, who gets it because the manager chose so: the
 * words as the team got them, and the plan card for a conversation with the manager one press away.
 */
export function teamAccountUpCard(account: Pick<TeamAccount, 'managerId' | 'managerName' | 'text'>, t: Translate): AdaptiveCardJson {
  const manager = account.managerName?.trim() || t('teamAccount.someManager');
  return adaptiveCard(
    [heading(t('teamAccount.upTitle')), plainText(t('teamAccount.upLine', { manager }), { weight: 'Bolder' }), plainText(account.text), plainText(t('teamAccount.upHint', { manager }), { isSubtle: true, size: 'Small' })],
    [execute(t('teamAccount.upPlan'), 'openPlanReview', { reportId: account.managerId }, { associatedInputs: 'none' })],
  );
}
