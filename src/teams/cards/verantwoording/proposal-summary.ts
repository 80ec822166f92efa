import { Translate } from '../../../i18n/i18n';
import { ProposalSummary } from '../../../usecases/verantwoording/overview';
import { Element, plainText, truncate } from '../card-kit';

/**
 * What says that AI wrote a proposal's text, wherever it is shown: the AI's undecided concept, the
 * AI's draft the group adopted as it is, or the group's words made from an AI draft. The group's
 * own words carry none.
 */
export function aiTextLabel(p: Pick<ProposalSummary, 'source'>, t: Translate): string | undefined {
  if (p.source === 'aiDraft') return t('verantwoording.proposal.aiDraft');
  if (p.source === 'adoptedAiDraft') return t('verantwoording.proposal.adoptedAi');
  if (p.source === 'adaptedFromAiDraft') return t('verantwoording.proposal.adaptedFromAi');
  return undefined;
}

/**
 * A proposal's text as the verantwoording's cards show it. Only the group's own words go
 * unlabelled: an undecided AI draft carries, before its text, the label that it is the AI's
 * concept the group has not judged, an AI draft the group adopted as it is says AI drafted it, and
 * words the group made from an AI draft say so, so AI text never reads as the group's own words
 * wherever it ends up. A rejection keeps no
 * text; its status and reason (`proposalOutcome`) say what the group decided.
 */
export function proposalTextElements(p: ProposalSummary, t: Translate, maxChars: number): Element[] {
  if (p.source === 'aiDraft') return [plainText(aiTextLabel(p, t)!, { weight: 'Bolder', size: 'Small', color: 'Warning' }), plainText(truncate(p.text, maxChars), { italic: true })];
  if (p.source === 'adoptedAiDraft' || p.source === 'adaptedFromAiDraft') return [plainText(aiTextLabel(p, t)!, { weight: 'Bolder', size: 'Small' }), plainText(truncate(p.text, maxChars))];
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
