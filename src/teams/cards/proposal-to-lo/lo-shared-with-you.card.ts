import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, plainText, subtle, textBlock, truncate } from '../card-kit';
import { formatDate } from '../verantwoording/format';
import { loViewSection } from './lo-view.section';

const TEXT_SHOWN = 800;

export interface LoSharedWithYouView {
  shared: SharedProposal;
  language: Locale;
  timeZone: string;
}

/**
 * In an HR/L&O person's own 1:1 chat, once per share: a group shared a proposal with L&O. What the
 * record holds (the group's name, the dates, the proposal as decided, labelled when AI drafted it,
 * L&O's answer when one came before the card went out) and the button to the answer form that
 * `voorstellen` opens too. No member's name: it was shared on behalf of the group.
 */
export function loSharedWithYouCard(vm: LoSharedWithYouView, t: Translate): AdaptiveCardJson {
  const { shared } = vm;
  const l = vm.language;
  return adaptiveCard(
    [
      heading(t('proposalToLo.toLoTitle')),
      plainText(t('proposalToLo.sharedOn', { date: formatDate(shared.sharedAt, l, vm.timeZone) }), { isSubtle: true, size: 'Small' }),
      container(loViewSection(shared, t, l, vm.timeZone, TEXT_SHOWN), { style: 'emphasis', spacing: 'Medium' }),
      ...(shared.answer
        ? [textBlock(t('proposalToLo.answerFromLo', { date: formatDate(shared.answer.at, l, vm.timeZone) }), { weight: 'Bolder', size: 'Small' }), plainText(truncate(shared.answer.text, TEXT_SHOWN))]
        : [subtle(t('proposalToLo.toLoNext'))]),
    ],
    [execute(t(shared.answer ? 'proposalToLo.changeAnswer' : 'proposalToLo.answer'), 'openLoProposal', { id: shared.id, language: l }, { associatedInputs: 'none' })],
  );
}
