import { DecidedProposal } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { Element, plainText, textBlock } from '../card-kit';

/**
 * The proposal as the group decided it, as the member's preview and the manager's card both show
 * it: the AI's draft the group adopted as it is under the label that says so, or the group's own
 * words; the group's reason and first step. Every text is plain text, never read as Markdown.
 */
export function decidedProposalSection(p: DecidedProposal, t: Translate): Element[] {
  const label = p.source === 'adoptedAiDraft' ? plainText(t('verantwoording.proposal.adoptedAi'), { weight: 'Bolder', size: 'Small' }) : textBlock(t('proposalToManager.groupWords'), { weight: 'Bolder', size: 'Small' });
  return [
    label,
    plainText(p.text),
    ...(p.reason ? [textBlock(t('proposalToManager.reason'), { weight: 'Bolder', size: 'Small' }), plainText(p.reason)] : []),
    ...(p.firstStep ? [textBlock(t('proposalToManager.firstStep'), { weight: 'Bolder', size: 'Small' }), plainText(p.firstStep)] : []),
  ];
}
