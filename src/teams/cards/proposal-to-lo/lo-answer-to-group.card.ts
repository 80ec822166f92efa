import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, heading, plainText, textBlock, truncate } from '../card-kit';
import { formatDate } from '../verantwoording/format';

const TEXT_SHOWN = 600;

/**
 * L&O's answer in the group's chat, in the group's language: which proposal (as the group decided
 * it, shortened) and L&O's words as plain text (never Markdown: no link text or formatting of theirs acts).
 */
export function loAnswerToGroupCard(shared: Pick<SharedProposal, 'proposal' | 'sharedAt' | 'answer'>, t: Translate, language: Locale, timeZone: string): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('proposalToLo.groupTitle')),
    textBlock(t('proposalToLo.groupProposal', { date: formatDate(shared.sharedAt, language, timeZone) }), { isSubtle: true, size: 'Small' }),
    container([plainText(truncate(shared.proposal.text, TEXT_SHOWN))], { style: 'emphasis' }),
    textBlock(t('proposalToLo.groupAnswer'), { weight: 'Bolder', spacing: 'Medium' }),
    plainText(shared.answer?.text ?? ''),
  ]);
}
