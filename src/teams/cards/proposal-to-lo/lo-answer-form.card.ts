import { MAX_LO_ANSWER_LENGTH, SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, escapeMarkdown, execute, heading, holding, plainText, refusalNotice, submittedText, textBlock, withFieldError } from '../card-kit';
import { formatDate } from '../verantwoording/format';
import { loViewSection } from './lo-view.section';
import { unitCeiling } from '../../../domain/shared/text';

/** The form drawn again after a refusal: what was sent, the reason per input id, and whether another answer came first. */
export interface RefusedLoAnswer {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  answeredMeanwhile: boolean;
}

export interface LoAnswerFormView {
  shared: SharedProposal;
  /** New each time the form is drawn: Teams delivering the answer again stores once. */
  key: string;
  language: Locale;
  timeZone: string;
  refused?: RefusedLoAnswer;
}

/**
 * L&O's answer form for one shared proposal: the proposal whole, L&O's current answer in the
 * field, and the send button with the revision shown. A refused answer keeps what was typed, with
 * the reason under the field; when another answer came first, what is stored now is shown under
 * it, and the send names that revision, so pressing again replaces it knowingly.
 */
export function loAnswerFormCard(vm: LoAnswerFormView, t: Translate): AdaptiveCardJson {
  const { shared, refused } = vm;
  const l = vm.language;
  const typed = refused ? (submittedText(refused.values, 'answer') ?? '') : (shared.answer?.text ?? '');
  const notice = refused ? [refusalNotice(t(refused.answeredMeanwhile ? 'proposalToLo.answeredMeanwhile' : 'proposalToLo.notSent'))] : [];
  return adaptiveCard(
    [
      // The group's name is typed by its members (or is the chat's name): a heading reads Markdown.
      heading(t('proposalToLo.formTitle', { group: escapeMarkdown(shared.groupName) })),
      plainText(t('proposalToLo.sharedOn', { date: formatDate(shared.sharedAt, l, vm.timeZone) }), { isSubtle: true, size: 'Small' }),
      container(loViewSection(shared, t, l, vm.timeZone), { style: 'emphasis', spacing: 'Medium' }),
      textBlock(t('proposalToLo.formIntro', { max: MAX_LO_ANSWER_LENGTH }), { spacing: 'Medium' }),
      ...notice,
      ...withFieldError({ type: 'Input.Text', id: 'answer', label: t('proposalToLo.answerLabel'), placeholder: t('proposalToLo.answerPlaceholder'), isMultiline: true, ...holding(unitCeiling(MAX_LO_ANSWER_LENGTH), typed) }, refused?.errors.answer),
      ...(refused?.answeredMeanwhile ? [{ ...plainText(t('proposalToLo.stored', { value: shared.answer?.text ?? t('proposalToLo.storedNone') }), { isSubtle: true, size: 'Small' }), spacing: 'None' as const }] : []),
      actionSet([execute(t('proposalToLo.back'), 'openLoProposals', { language: l }, { associatedInputs: 'none' })]),
    ],
    [execute(t('proposalToLo.send'), 'answerLoProposal', { id: shared.id, rev: shared.revision, k: vm.key, language: l }, { style: 'positive' })],
  );
}

/** What became of a sent answer, where it was not simply posted (see LoAnswerOutcome). */
export interface LoAnswerSentAs {
  /** A later answer replaced it (a press delivered again): the presser's own words, as they sent them. */
  replaced?: { text: string };
  /** Stored, but the group is not in the app any more: nothing goes to a chat. */
  groupGone?: boolean;
}

/**
 * What L&O sees after sending: the answer as stored, and the way back. A press delivered again after
 * another answer replaced it shows the presser's own words, says they were replaced and shows what is
 * stored now; never the other answer under "sent" as if it were theirs (found in review, stop 58).
 * Where the group is gone, it does not say the group gets it.
 */
export function loAnswerSentCard(shared: SharedProposal, t: Translate, language: Locale, as: LoAnswerSentAs = {}): AdaptiveCardJson {
  const group = escapeMarkdown(shared.groupName);
  const body = as.replaced
    ? [
        heading(t('proposalToLo.replacedTitle', { group })),
        textBlock(t('proposalToLo.replacedYours')),
        plainText(as.replaced.text),
        textBlock(t('proposalToLo.replacedNext'), { spacing: 'Medium' }),
        plainText(t('proposalToLo.stored', { value: shared.answer?.text ?? t('proposalToLo.storedNone') }), { isSubtle: true }),
      ]
    : as.groupGone
      ? [heading(t('proposalToLo.savedTitle', { group })), plainText(shared.answer?.text ?? ''), textBlock(t('proposalToLo.groupGone'), { isSubtle: true })]
      : [heading(t('proposalToLo.sentTitle', { group })), plainText(shared.answer?.text ?? ''), textBlock(t('proposalToLo.sentNext'), { isSubtle: true })];
  return adaptiveCard(body, [
    execute(t('proposalToLo.changeAnswer'), 'openLoProposal', { id: shared.id, language }, { associatedInputs: 'none' }),
    execute(t('proposalToLo.back'), 'openLoProposals', { language }, { associatedInputs: 'none' }),
  ]);
}

/** A shared proposal that is not (or no longer) there, or that this tenant does not hold. */
export function loProposalGoneCard(t: Translate, language: Locale): AdaptiveCardJson {
  return adaptiveCard([heading(t('proposalToLo.listTitle')), textBlock(t('proposalToLo.gone'))], [execute(t('proposalToLo.back'), 'openLoProposals', { language }, { associatedInputs: 'none' })]);
}
