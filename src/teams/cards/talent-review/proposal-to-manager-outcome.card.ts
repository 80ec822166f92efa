import { ProposalToManager } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { PutBeforeOutcome } from '../../../usecases/talent-review/put-proposal-before-manager';
import { adaptiveCard, AdaptiveCardJson, container, heading, plainText, refusalNotice, subtle, textBlock } from '../card-kit';
import { erasureUnfinishedCard } from '../verantwoording/my-data.card';
import { backToOverview } from '../verantwoording/format';
import { decidedProposalSection } from './decided-proposal.section';

/**
 * What the member hears of their send, in their own chat: put before whom (with their words as
 * sent), or why nothing was sent: a proposal that is not theirs or not adopted, no manager; then
 * the words they typed, to copy (`typed`), so none is lost. A send an earlier try of the same press
 * had made with other words (`earlierTry`) says that version went, with this try's words to copy.
 * (A changed manager comes back as the form itself.) `draft`: the overview's new note, carried back to it.
 */
export function proposalToManagerOutcomeCard(outcome: Exclude<PutBeforeOutcome, { status: 'managerChanged' }>, t: Translate, opts: { draft?: string; typed?: string } = {}): AdaptiveCardJson {
  const back = backToOverview(t, opts.draft);
  // Not sent: the words as typed, in a field to copy them from (no button sends it; it is stored nowhere).
  const typed = opts.typed?.trim() ? [{ type: 'Input.Text' as const, id: 'notSent.words', label: t('proposalToManager.typedNotSent'), isMultiline: true, value: opts.typed }] : [];
  if (outcome.status !== 'sent') {
    return adaptiveCard([heading(t('proposalToManager.title')), textBlock(t(`proposalToManager.${outcome.status}`)), ...typed], [back]);
  }
  const { record } = outcome;
  const line = record.managerName ? t('proposalToManager.sent', { manager: record.managerName }) : t('proposalToManager.sentToYourManager');
  return adaptiveCard(
    [
      heading(t('proposalToManager.sentTitle')),
      plainText(line, { weight: 'Bolder' }),
      textBlock(t('proposalToManager.ownAct')),
      textBlock(t('proposalToManager.sentNext')),
      ...(outcome.earlierTry ? [textBlock(t(record.words ? 'proposalToManager.earlierTry' : 'proposalToManager.earlierTryNoWords'), { weight: 'Bolder' })] : []),
      ...(record.words ? [textBlock(t('proposalToManager.yourWords'), { size: 'Small', weight: 'Bolder' }), plainText(record.words)] : []),
      ...(outcome.earlierTry ? typed : []),
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

/**
 * A send while the member's erasure is unfinished: nothing stored or sent (the erasure would
 * delete the record after she was told it was sent). Said so, as every other change of her data
 * is refused then, above the erasure's own card with the button to finish it now.
 */
/** In the member's own chat: Teams refused the manager's card for good. Names nobody; says nothing was lost. */
export function proposalToManagerUndeliveredCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('proposalToManager.undeliveredTitle')), textBlock(t('proposalToManager.undelivered'))], [backToOverview(t, undefined, 'talentReview.notice.verantwoording')]);
}

export function proposalToManagerWhileErasingCard(t: Translate): AdaptiveCardJson {
  const card = erasureUnfinishedCard(t, { started: true, resumes: false });
  // Under its heading: why nothing was sent comes first.
  const [title, ...rest] = card.body;
  return { ...card, body: [...(title ? [title] : []), refusalNotice(t('verantwoording.erase.notSaved')), ...rest] };
}
