import { ManagerCardView, MAX_MANAGER_ANSWER_LENGTH } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, holding, plainText, refusalNotice, submittedInput, subtle, textBlock, withFieldError } from '../card-kit';
import { decidedProposalSection } from './decided-proposal.section';
import { RefusedWords } from './proposal-to-manager-form.card';
import { unitCeiling } from '../../../domain/shared/text';

/**
 * The manager's card, in the manager's 1:1 chat and language: who puts the proposal before them
 * (their Teams name, as plain text), the proposal exactly as the member previewed it, the
 * member's own words as plain text, and the manager's answer (required) with a button that opens
 * the plan card with the member chosen. Nothing else of the member or of the group. `key` is new
 * each time the card is drawn. `answered`: the answer that stands after a send, shown above a new
 * answer field; `replaced`: the words just sent, when another answer of the manager's stands
 * instead (given at the same time on another device, or later): said so, both shown, and the words
 * kept in the field, so one press sends them after all (found in review, stop 60: the device whose
 * answer was replaced said "sent" of words the member never read). `refused`: the answer came back
 * with its reason next to the field.
 */
export function proposalToManagerCard(view: ManagerCardView, t: Translate, key: string, opts: { answered?: string; replaced?: string; refused?: RefusedWords } = {}): AdaptiveCardJson {
  const name = view.memberName?.trim() || t('proposalToManager.someone');
  const typed = submittedInput(opts.refused?.values, 'answer') ?? opts.replaced ?? '';
  const replaced = (words: string) => [
    textBlock(t('proposalToManager.replaced'), { weight: 'Bolder', color: 'Attention' }),
    textBlock(t('proposalToManager.thisAnswer'), { size: 'Small', weight: 'Bolder' }),
    plainText(words),
    ...(opts.answered ? [plainText(t('proposalToManager.standingAnswer', { name }), { size: 'Small', weight: 'Bolder' }), plainText(opts.answered)] : []),
    subtle(t('proposalToManager.answerAgain')),
  ];
  return adaptiveCard(
    [
      heading(t('proposalToManager.managerTitle')),
      plainText(t('proposalToManager.managerLine', { name }), { weight: 'Bolder' }),
      subtle(t('proposalToManager.managerHint')),
      container(
        [
          ...decidedProposalSection(view.proposal, t),
          ...(view.words ? [textBlock(t('proposalToManager.memberWords'), { size: 'Small', weight: 'Bolder' }), plainText(view.words)] : []),
        ],
        { style: 'emphasis', spacing: 'Medium' },
      ),
      ...(opts.replaced !== undefined ? replaced(opts.replaced) : []),
      ...(opts.answered && opts.replaced === undefined ? [textBlock(t('proposalToManager.answered'), { weight: 'Bolder', color: 'Good' }), textBlock(t('proposalToManager.yourAnswer'), { size: 'Small', weight: 'Bolder' }), plainText(opts.answered), subtle(t('proposalToManager.answerAgain'))] : []),
      ...(opts.refused ? [refusalNotice(t('proposalToManager.answerNotSent'))] : []),
      ...withFieldError(
        { type: 'Input.Text', id: 'answer', label: t('proposalToManager.answerLabel'), placeholder: t('proposalToManager.answerPlaceholder'), isMultiline: true, spacing: 'Large', ...holding(unitCeiling(MAX_MANAGER_ANSWER_LENGTH), typed) },
        opts.refused?.errors.answer,
      ),
    ],
    [
      execute(t('proposalToManager.answerSend'), 'answerProposalToManager', { memberId: view.memberId, recordId: view.recordId, k: key }, { style: 'positive' }),
      execute(t('proposalToManager.plan'), 'openPlanReview', { reportId: view.memberId }, { associatedInputs: 'none' }),
    ],
  );
}

/** A press the manager's card cannot take: the record is gone, or the presser is not the manager it names. */
export function proposalToManagerRefusedCard(status: 'notFound' | 'notTheManager', t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('proposalToManager.managerTitle')), textBlock(t(status === 'notFound' ? 'proposalToManager.gone' : 'proposalToManager.notTheManager'))]);
}

