import { Translate } from '../../../i18n/i18n';
import { TeamAccountOutcome } from '../../../usecases/talent-review/account-to-team';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';
import { keptAccountsSection, KeptAccountsView } from './team-accounts-kept.section';

/**
 * What the manager hears of their account: who it went to (the directory's names, as plain text)
 * and their words as sent; or that the directory names no one in their team, so nothing went
 * (with their earlier accounts, `kept`, to look back on and delete). `typed`: the words they wrote
 * for a send that found no team, shown as plain text to copy (never dropped), with the way to their
 * kept accounts (no dead end). A send an earlier try of the same press had made with other words
 * (`earlierTry`) says that version went, with this try's words (`typed`) in a field to copy.
 * A changed team is answered with a new form, not here.
 */
export function teamAccountOutcomeCard(outcome: Exclude<TeamAccountOutcome, { status: 'teamChanged' }>, t: Translate, opts: { kept?: KeptAccountsView; typed?: string } = {}): AdaptiveCardJson {
  if (outcome.status === 'noTeam') {
    const typed = opts.typed?.trim() ? [textBlock(t('teamAccount.typedNotSent'), { size: 'Small', weight: 'Bolder' }), plainText(opts.typed)] : [];
    return adaptiveCard(
      [heading(t('teamAccount.title')), textBlock(t('teamAccount.noTeam')), ...typed, ...(opts.kept ? keptAccountsSection(opts.kept, t) : [])],
      // No input goes along: the words above are to copy, not to send.
      [execute(t('teamAccount.kept.showList'), 'openTeamAccounts', { skip: 0 }, { associatedInputs: 'none' })],
    );
  }
  return adaptiveCard(
    [
      heading(t('teamAccount.sentTitle')),
      // An earlier try's answer after the team moved on names nobody (names come from the directory, never from storage).
      ...(outcome.recipients.length > 0 ? [textBlock(t('teamAccount.sentTo', { count: outcome.recipients.length }), { weight: 'Bolder' }), plainText(outcome.recipients.join(', '))] : []),
      ...(outcome.toOwnManager ? [textBlock(t('teamAccount.sentUpToo'))] : []),
      ...(outcome.earlierTry ? [textBlock(t('teamAccount.earlierTry'), { weight: 'Bolder' })] : []),
      textBlock(t('teamAccount.yourWords'), { size: 'Small', weight: 'Bolder' }),
      plainText(outcome.text),
      // Not sent: this try's words, in a field to copy them from (no button sends it; it is stored nowhere).
      ...(outcome.earlierTry && opts.typed?.trim() ? [{ type: 'Input.Text' as const, id: 'notSent.text', label: t('teamAccount.typedNotSent'), isMultiline: true, value: opts.typed }] : []),
      textBlock(t('teamAccount.sentNext'), { isSubtle: true }),
      textBlock(t('teamAccount.kept.sentKept'), { isSubtle: true }),
    ],
    // The kept accounts, to look back on (and delete one): no input goes along.
    [execute(t('teamAccount.kept.showList'), 'openTeamAccounts', { skip: 0 }, { associatedInputs: 'none' })],
  );
}
