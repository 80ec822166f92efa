import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, heading, plainText, textBlock, truncate } from '../card-kit';
import { formatDate } from '../verantwoording/format';

const TEXT_SHOWN = 600;

/** What says before the proposal's text that AI wrote it (adopted as it is) or that the group made it from an AI draft. */
const AI_LABELS: Partial<Record<SharedProposal['proposal']['source'], string>> = {
  adoptedAiDraft: 'verantwoording.proposal.adoptedAi',
  adaptedFromAiDraft: 'verantwoording.proposal.adaptedFromAi',
};

/**
 * L&O's answer in the group's chat, in the group's language: which proposal (as the group decided
 * it, shortened, under the AI label the summary and L&O's cards show when AI drafted it) and L&O's
 * words as plain text (never Markdown: no link text or formatting of theirs acts).
 */
export function loAnswerToGroupCard(shared: Pick<SharedProposal, 'proposal' | 'sharedAt' | 'answer'>, t: Translate, language: Locale, timeZone: string): AdaptiveCardJson {
  const aiLabel = AI_LABELS[shared.proposal.source];
  return adaptiveCard([
    heading(t('proposalToLo.groupTitle')),
    textBlock(t('proposalToLo.groupProposal', { date: formatDate(shared.sharedAt, language, timeZone) }), { isSubtle: true, size: 'Small' }),
    container([...(aiLabel ? [plainText(t(aiLabel), { weight: 'Bolder', size: 'Small' })] : []), plainText(truncate(shared.proposal.text, TEXT_SHOWN))], { style: 'emphasis' }),
    textBlock(t('proposalToLo.groupAnswer'), { weight: 'Bolder', spacing: 'Medium' }),
    plainText(shared.answer?.text ?? ''),
  ]);
}
