import { Instrument, orderedItems } from '../../../domain/pulse-poll/instrument';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, execute, heading, refreshFor, subtle, textBlock } from '../card-kit';

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
}

/**
 * The poll as a card: nine statements on a 1-5 scale and one optional open question, answered on
 * the card itself. The card says plainly that answers are anonymous.
 */
export function pollFormCard(vm: PollFormView, t: Translate): AdaptiveCardJson {
  const ids = { pollId: vm.pollId, targetId: vm.targetId };
  const choices = vm.instrument.scale.map((label, i) => ({ title: `${i + 1} · ${label}`, value: String(i + 1) }));
  const statements = orderedItems(vm.instrument).map((item) =>
    container(
      [
        textBlock(item.statement, { weight: 'Bolder', spacing: 'Medium' }),
        {
          type: 'Input.ChoiceSet',
          id: `item_${item.id}`,
          label: item.label,
          style: 'compact',
          placeholder: t('pulse.form.choose'),
          isRequired: true,
          errorMessage: t('pulse.form.required'),
          choices,
        },
      ],
      { spacing: 'Medium' },
    ),
  );
  return adaptiveCard(
    [
      heading(vm.instrument.title),
      subtle(t('pulse.form.team', { team: vm.teamName })),
      textBlock(vm.instrument.intro),
      container([textBlock(`🔒 ${vm.instrument.anonymity}`, { size: 'Small' })], { style: 'emphasis', bleed: false }),
      ...statements,
      { type: 'Input.Text', id: 'open', label: vm.instrument.open.question, placeholder: vm.instrument.open.placeholder, isMultiline: true, maxLength: 1000 },
      subtle(t('pulse.form.closes', { date: vm.closesLabel })),
      ...(vm.manualRefresh
        ? [subtle(t('pulse.form.refreshHint')), actionSet([execute(t('pulse.form.refresh'), 'pulseView', ids, { associatedInputs: 'none' })])]
        : []),
    ],
    [execute(t('pulse.form.send'), 'pulseAnswer', ids, { style: 'positive' })],
    { refresh: refreshFor('pulseView', ids, vm.refreshUserIds) },
  );
}
