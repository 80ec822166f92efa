import { SharedProposal, SHARED_PROPOSALS_PAGE } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { Action, adaptiveCard, AdaptiveCardJson, actionSet, container, Element, execute, heading, plainText, subtle, textBlock, truncate } from '../card-kit';
import { formatDate } from '../verantwoording/format';
import { decidedProposalSection } from '../talent-review/decided-proposal.section';

/** Longer texts are shortened in the list (the answer form shows them whole): a page stays well within Teams' card size. */
const TEXT_SHOWN = 500;
const OTHER_SHOWN = 250;

export interface LoProposalsView {
  items: SharedProposal[];
  total: number;
  skip: number;
  language: Locale;
  timeZone: string;
}

/**
 * L&O's list of the proposals groups shared, newest first, one page: per proposal the group's name,
 * when it was shared, the proposal as decided, L&O's answer if any, and the button to its answer
 * form. How many more there are, and buttons to the next or previous page.
 */
export function loProposalsCard(vm: LoProposalsView, t: Translate): AdaptiveCardJson {
  const l = vm.language;
  const lang = { language: l };
  if (!vm.items.length) return adaptiveCard([heading(t('proposalToLo.listTitle')), textBlock(t('proposalToLo.listEmpty'))]);
  const rows: Element[] = vm.items.map((s) =>
    container(
      [
        plainText(t('proposalToLo.sharedLine', { group: s.groupName, date: formatDate(s.sharedAt, l, vm.timeZone) }), { weight: 'Bolder' }),
        ...decidedProposalSection({ source: s.proposal.source, text: truncate(s.proposal.text, TEXT_SHOWN), reason: truncate(s.proposal.reason, OTHER_SHOWN) }, t),
        ...(s.answer
          ? [textBlock(t('proposalToLo.answerFromLo', { date: formatDate(s.answer.at, l, vm.timeZone) }), { weight: 'Bolder', size: 'Small' }), plainText(truncate(s.answer.text, OTHER_SHOWN))]
          : [subtle(t('proposalToLo.notAnswered'))]),
        actionSet([execute(t(s.answer ? 'proposalToLo.changeAnswer' : 'proposalToLo.answer'), 'openLoProposal', { id: s.id, ...lang }, { associatedInputs: 'none' })]),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  );
  const after = vm.total - vm.skip - vm.items.length;
  const paging: Action[] = [
    ...(vm.skip > 0 ? [execute(t('proposalToLo.previous'), 'openLoProposals', { skip: Math.max(0, vm.skip - SHARED_PROPOSALS_PAGE), ...lang }, { associatedInputs: 'none' })] : []),
    ...(after > 0 ? [execute(t('proposalToLo.next'), 'openLoProposals', { skip: vm.skip + vm.items.length, ...lang }, { associatedInputs: 'none' })] : []),
  ];
  return adaptiveCard(
    [
      heading(t('proposalToLo.listTitle')),
      textBlock(t('proposalToLo.listIntro'), { isSubtle: true }),
      subtle(t('proposalToLo.listRange', { from: vm.skip + 1, to: vm.skip + vm.items.length, total: vm.total })),
      ...rows,
      ...(after > 0 ? [textBlock(t('proposalToLo.more', { count: after }), { spacing: 'Medium' })] : []),
    ],
    paging,
  );
}
