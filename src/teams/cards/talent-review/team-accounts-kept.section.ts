import { DateTime } from 'luxon';
import { recipientCount, TeamAccountRecord } from '../../../domain/talent-review/team-account';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, container, Element, execute, plainText, textBlock } from '../card-kit';
import { namingItem, snippet } from '../action-tooltip';

/** How many kept accounts the form shows in full; the rest are a press away ("show all"). */
export const KEPT_ON_FORM = 3;

/** The manager's kept accounts as a card shows them: newest first, and how they read a date. */
export interface KeptAccountsView {
  /** Newest first: the ones to show. */
  accounts: TeamAccountRecord[];
  /** How many the manager keeps in all. */
  total: number;
  locale: Locale;
  /** The organisation's time zone: the day it was sent there. */
  timeZone: string;
}

/** The day an account was sent, with its year (they are months apart): "10 december 2026". */
export function sentDay(sentAt: string, view: Pick<KeptAccountsView, 'locale' | 'timeZone'>): string {
  const at = DateTime.fromISO(sentAt, { zone: view.timeZone });
  return at.isValid ? at.setLocale(view.locale === 'nl' ? 'nl' : 'en-GB').toFormat('d LLLL yyyy') : sentAt.slice(0, 10);
}

/**
 * One kept account: when, to how many (never who: a member who erased their data changes nothing
 * here, so the list cannot tell who did; an older record that named them is read as its count),
 * and the words as plain text (never read as Markdown), with its delete button when `deletable`:
 * "Verwijderen" on the card, read as "Verwijderen: je verantwoording van 1 maart 2026, ‘…’" (its
 * tooltip), so the delete buttons of a list read apart. The list is only in the manager's own chat.
 */
export function keptAccountItems(a: TeamAccountRecord, view: Pick<KeptAccountsView, 'locale' | 'timeZone'>, t: Translate, deletable = true): Element[] {
  return [
    textBlock(t(a.toOwnManager ? 'teamAccount.kept.sentToAndUp' : 'teamAccount.kept.sentTo', { date: sentDay(a.sentAt, view), count: recipientCount(a) }), { weight: 'Bolder', size: 'Small' }),
    plainText(a.text),
    ...(deletable
      ? [actionSet([namingItem(execute(t('teamAccount.kept.delete'), 'confirmDeleteTeamAccount', { id: a.id }, { associatedInputs: 'none' }), t('teamAccount.kept.deleteFor', { date: sentDay(a.sentAt, view), text: snippet(a.text) }))])]
      : []),
  ];
}

/**
 * The manager's earlier accounts under the form (the half-yearly rhythm: what did I write last
 * time?): the newest `KEPT_ON_FORM` in full, and a press to all of them when there are more.
 * Nothing when none is kept. Every button sends no input (the form's field may be empty).
 */
export function keptAccountsSection(view: KeptAccountsView, t: Translate): Element[] {
  if (!view.total) return [];
  const shown = view.accounts.slice(0, KEPT_ON_FORM);
  return [
    textBlock(t('teamAccount.kept.title'), { weight: 'Bolder', separator: true, spacing: 'Large' }),
    ...shown.map((a, i) => container(keptAccountItems(a, view, t), { separator: i > 0 })),
    ...(view.total > shown.length ? [actionSet([execute(t('teamAccount.kept.showAll', { count: view.total }), 'openTeamAccounts', { skip: 0 }, { associatedInputs: 'none' })])] : []),
  ];
}
