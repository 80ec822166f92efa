import { MAX_OPEN_ANSWER } from '../../../domain/pulse-poll/answer';
import { Instrument, orderedItems } from '../../../domain/pulse-poll/instrument';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, execute, heading, plainText, refreshFor, refusalNotice, submittedInput, submittedText, subtle, textBlock, withFieldError } from '../card-kit';
import { cutWhole, unitCeiling } from '../../../domain/shared/text';

export interface PollFormView {
  pollId: string;
  targetId: string;
  teamName: string;
  closesLabel: string;
  instrument: Instrument;
  /** Members whose view Teams refreshes by itself (at most 60). */
  refreshUserIds: string[];
  /** More members than Teams refreshes: offer a refresh button. */
  manualRefresh: boolean;
  /**
   * A refused answer shown again to the person who sent it (never to anyone else): what they
   * chose and wrote kept in the inputs, `errors` (input id -> reason) next to the fields.
   */
  refused?: { values: Record<string, unknown>; errors: Record<string, string>; notice: string };
}

/**
 * The poll as a card: nine statements on a 1-5 scale and one optional open question, answered on
 * the card itself. The card says plainly that answers are anonymous.
 */
export function pollFormCard(vm: PollFormView, t: Translate): AdaptiveCardJson {
  const ids = { pollId: vm.pollId, targetId: vm.targetId };
  const choices = vm.instrument.scale.map((label, i) => ({ title: `${i + 1} · ${label}`, value: String(i + 1) }));
  const { values, errors = {} } = vm.refused ?? {};
  const given = (id: string) => {
    const v = submittedInput(values, id)?.trim();
    return v && choices.some((c) => c.value === v) ? { value: v } : {};
  };
  // Each dropdown's label is the theme and the statement it scores, so a screen reader on the
  // field reads what is being rated; the statement is not repeated in a block of its own above it.
  const statements = orderedItems(vm.instrument).map((item) =>
    container(
      [
        ...withFieldError(
          {
            type: 'Input.ChoiceSet',
            id: `item_${item.id}`,
            label: `${item.label}: ${item.statement}`,
            style: 'compact',
            placeholder: t('pulse.form.choose'),
            isRequired: true,
            errorMessage: t('pulse.form.required'),
            choices,
            ...given(`item_${item.id}`),
          },
          errors[`item_${item.id}`],
        ),
      ],
      { spacing: 'Medium' },
    ),
  );
  // Back in its field as sent, up to what a press may carry (8 times the limit, see verbs.ts): a
  // crafted press beyond it (20,000 quotes, two characters each in JSON) made the card 93 KB (stop 58).
  const sent = submittedText(values, 'open');
  const comment = sent === undefined ? undefined : cutWhole(sent, 8 * MAX_OPEN_ANSWER);
  return adaptiveCard(
    [
      heading(vm.instrument.title),
      { ...plainText(t('pulse.form.team', { team: vm.teamName }), { isSubtle: true, size: 'Small' }), spacing: 'None' },
      textBlock(vm.instrument.intro),
      container([textBlock(`🔒 ${vm.instrument.anonymity}`, { size: 'Small' })], { style: 'emphasis', bleed: false }),
      ...(vm.refused ? [refusalNotice(vm.refused.notice)] : []),
      ...statements,
      ...withFieldError(
        { type: 'Input.Text', id: 'open', label: vm.instrument.open.question, placeholder: vm.instrument.open.placeholder, isMultiline: true, maxLength: Math.max(unitCeiling(MAX_OPEN_ANSWER), comment?.length ?? 0), ...(comment ? { value: comment } : {}) },
        errors.open,
      ),
      subtle(t('pulse.form.closes', { date: vm.closesLabel })),
      ...(vm.manualRefresh
        ? [subtle(t('pulse.form.refreshHint')), actionSet([execute(t('pulse.form.refresh'), 'pulseView', ids, { associatedInputs: 'none' })])]
        : []),
    ],
    [execute(t('pulse.form.send'), 'pulseAnswer', ids, { style: 'positive' })],
    { refresh: refreshFor('pulseView', ids, vm.refreshUserIds) },
  );
}
