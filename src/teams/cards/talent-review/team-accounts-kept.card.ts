import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, Action, container, execute, heading, subtle, textBlock } from '../card-kit';
import { keptAccountItems, KeptAccountsView } from './team-accounts-kept.section';

/** How many kept accounts one page of the list shows in full (2,000 characters each stay well under Teams' card size). */
export const KEPT_PER_PAGE = 5;

/**
 * All the manager's kept accounts, a page at a time (`skip`), newest first, each in full with its
 * delete button; `notice`: what became of a delete just pressed.
 */
export function teamAccountsKeptCard(view: KeptAccountsView & { skip: number; notice?: string }, t: Translate): AdaptiveCardJson {
  const page = view.accounts.slice(view.skip, view.skip + KEPT_PER_PAGE);
  const actions: Action[] = [];
  if (view.skip > 0) actions.push(execute(t('teamAccount.kept.newer'), 'openTeamAccounts', { skip: Math.max(0, view.skip - KEPT_PER_PAGE) }, { associatedInputs: 'none' }));
  if (view.skip + KEPT_PER_PAGE < view.accounts.length) actions.push(execute(t('teamAccount.kept.older'), 'openTeamAccounts', { skip: view.skip + KEPT_PER_PAGE }, { associatedInputs: 'none' }));
  actions.push(execute(t('teamAccount.kept.write'), 'openTeamAccount', {}, { associatedInputs: 'none' }));
  return adaptiveCard(
    [
      heading(t('teamAccount.kept.listTitle')),
      ...(view.notice ? [textBlock(view.notice, { weight: 'Bolder' })] : []),
      ...(page.length
        ? [subtle(t('teamAccount.kept.range', { from: view.skip + 1, to: view.skip + page.length, total: view.accounts.length })), ...page.map((a, i) => container(keptAccountItems(a, view, t), { separator: true, spacing: i ? 'Medium' : 'Default' }))]
        : [textBlock(t('teamAccount.kept.none'))]),
      subtle(t('teamAccount.kept.stays')),
    ],
    actions,
  );
}

/**
 * A delete that was done, when the list could not be read after it: said as done (never the error
 * card, which would say nothing happened), with the way to the list and to a new account.
 */
export function teamAccountDeletedCard(notice: string, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('teamAccount.kept.listTitle')), textBlock(notice, { weight: 'Bolder' }), subtle(t('teamAccount.kept.stays'))],
    [execute(t('teamAccount.kept.showList'), 'openTeamAccounts', { skip: 0 }, { associatedInputs: 'none' }), execute(t('teamAccount.kept.write'), 'openTeamAccount', {}, { associatedInputs: 'none' })],
  );
}
