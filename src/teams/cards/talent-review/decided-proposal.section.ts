import { DecidedProposal } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { Element, plainText, textBlock } from '../card-kit';

/** The label before a decided text: the AI's draft adopted as it is, the group's words made from an AI draft, or the group's own words. */
const LABELS: Record<DecidedProposal['source'], string> = {
  adoptedAiDraft: 'verantwoording.proposal.adoptedAi',
  adaptedFromAiDraft: 'verantwoording.proposal.adaptedFromAi',
  decision: 'proposalToManager.groupWords',
};

/**
 * The proposal as the group decided it, as the member's preview, the manager's card and L&O's
 * cards show it: under the label that says whose words they are (the AI's draft adopted as it is,
 * the group's words made from an AI draft, or the group's own), with the group's reason. Never the
 * first step, also not of a record stored when it still went along: it names who does what and
 * stays with the group. Every text is plain text, never read as Markdown.
 */
export function decidedProposalSection(p: Pick<DecidedProposal, 'source' | 'text' | 'reason'>, t: Translate): Element[] {
  return [
    p.source === 'adoptedAiDraft' || p.source === 'adaptedFromAiDraft' ? plainText(t(LABELS[p.source]), { weight: 'Bolder', size: 'Small' }) : textBlock(t(LABELS.decision), { weight: 'Bolder', size: 'Small' }),
    plainText(p.text),
    ...(p.reason ? [textBlock(t('proposalToManager.reason'), { weight: 'Bolder', size: 'Small' }), plainText(p.reason)] : []),
  ];
}
