import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { Element, plainText, truncate } from '../card-kit';
import { decidedProposalSection } from '../talent-review/decided-proposal.section';
import { formatDate } from '../verantwoording/format';

/**
 * What L&O sees of a shared proposal, wherever it shows (the member's preview, the group's notice,
 * L&O's list and form): the group's name, the date of the decision, and the proposal as the group
 * decided it (the group's words, or the AI draft it adopted or adapted, labelled so) and its reason.
 * Not its first step (it names who does what, and stays with the group), also not of a record
 * stored when it still went along. Nothing of a member. Every typed text is plain text; `max`
 * shortens the longer ones (a list).
 */
export function loViewSection(p: Pick<SharedProposal, 'groupName' | 'proposal' | 'decidedAt'>, t: Translate, locale: Locale, timeZone: string, max?: number): Element[] {
  const cut = (text: string) => (max ? truncate(text, max) : text);
  return [
    plainText(t('proposalToLo.group', { group: p.groupName }), { weight: 'Bolder' }),
    plainText(t('proposalToLo.decidedOn', { date: formatDate(p.decidedAt, locale, timeZone) }), { isSubtle: true, size: 'Small' }),
    ...decidedProposalSection({ source: p.proposal.source, text: cut(p.proposal.text), reason: cut(p.proposal.reason) }, t),
  ];
}
