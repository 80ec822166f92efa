import { Translate } from '../../../i18n/i18n';
import { ProposalSummary } from '../../../usecases/verantwoording/overview';
import { Element, plainText, truncate } from '../card-kit';

/**
 * A proposal's text as the verantwoording's cards show it. Only a decision is the group's: an
 * undecided AI draft carries, before its text, the label that it is the AI's concept the group has
 * not judged, so it never reads as the group's proposal wherever it ends up. A rejection keeps no
 * text; its status and reason (`proposalOutcome`) say what the group decided.
 */
export function proposalTextElements(p: ProposalSummary, t: Translate, maxChars: number): Element[] {
  if (p.source === 'aiDraft') return [plainText(t('verantwoording.proposal.aiDraft'), { weight: 'Bolder', size: 'Small', color: 'Warning' }), plainText(truncate(p.text, maxChars), { italic: true })];
  if (p.text) return [plainText(truncate(p.text, maxChars))];
  return p.status === 'reject' ? [] : [plainText(t('verantwoording.proposal.noText'))];
}

/** Why the group rejected it, as a line (user text: for a TextRun), when it did. */
export function rejectionLine(p: ProposalSummary, t: Translate): string | undefined {
  return p.status === 'reject' && p.reason ? t('verantwoording.proposal.reason', { reason: truncate(p.reason, 300) }) : undefined;
}

/** The status, with the rejection's reason when there is one. */
export function proposalOutcome(p: ProposalSummary, t: Translate): string {
  const reason = rejectionLine(p, t);
  return [t(`verantwoording.proposal.status.${p.status}`), ...(reason ? [reason] : [])].join(' · ');
}
