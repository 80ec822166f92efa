import { ProposalToManager } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { PutBeforeOutcome } from '../../../usecases/talent-review/put-proposal-before-manager';
import { adaptiveCard, AdaptiveCardJson, container, heading, plainText, subtle, textBlock } from '../card-kit';
import { backToOverview } from '../verantwoording/format';
import { decidedProposalSection } from './decided-proposal.section';

/**
 * What the member hears of their send, in their own chat: put before whom (with their words as
 * sent), or why nothing was sent: a proposal that is not theirs or not adopted, no manager.
 * `draft`: the overview's new note, carried back to it.
 */
export function proposalToManagerOutcomeCard(outcome: PutBeforeOutcome, t: Translate, opts: { draft?: string } = {}): AdaptiveCardJson {
  const back = backToOverview(t, opts.draft);
  if (outcome.status !== 'sent') return adaptiveCard([heading(t('proposalToManager.title')), textBlock(t(`proposalToManager.${outcome.status}`))], [back]);
  const { record } = outcome;
  const line = record.managerName ? t('proposalToManager.sent', { manager: record.managerName }) : t('proposalToManager.sentToYourManager');
  return adaptiveCard(
    [
      heading(t('proposalToManager.sentTitle')),
      plainText(line, { weight: 'Bolder' }),
      textBlock(t('proposalToManager.ownAct')),
      textBlock(t('proposalToManager.sentNext')),
      ...(record.words ? [textBlock(t('proposalToManager.yourWords'), { size: 'Small', weight: 'Bolder' }), plainText(record.words)] : []),
    ],
    [back],
  );
}

/**
 * The member's notice of the manager's answer, in the member's 1:1 chat and language: the
 * manager's words as plain text, under the proposal they answer; the way to the overview.
 */
export function proposalAnswerNoticeCard(record: ProposalToManager, answer: string, t: Translate): AdaptiveCardJson {
  const line = record.managerName ? t('proposalToManager.noticeLine', { manager: record.managerName }) : t('proposalToManager.noticeLineYourManager');
  return adaptiveCard(
    [
      heading(t('proposalToManager.noticeTitle')),
      plainText(line, { weight: 'Bolder' }),
      plainText(answer),
      textBlock(t('proposalToManager.noticeProposal'), { weight: 'Bolder', size: 'Small', separator: true, spacing: 'Medium' }),
      container(decidedProposalSection(record.proposal, t)),
      subtle(t('proposalToManager.ownAct')),
    ],
    [backToOverview(t, undefined, 'talentReview.notice.verantwoording')],
  );
}
