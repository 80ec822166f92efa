import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, plainText, subtle, textBlock } from '../card-kit';

export interface PollClosedView {
  title: string;
  closed: { by: 'date' | 'hr'; label: string };
  /**
   * Someone pressed "send" as it closed. `true`: nothing was stored, say so. `'unknown'`: the
   * write may have landed just before closing and closing forgot who answered, so say only the rule.
   */
  late?: boolean | 'unknown';
  /** The team's poll that followed this one, open now: where to answer it. */
  newer?: { teamName: string; private: boolean };
}

/** The poll card once the poll has closed: no questions, no figures; the team's results come in its channel. */
export function pollClosedCard(vm: PollClosedView, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(vm.title),
    textBlock(t('pulse.closed.title'), { weight: 'Bolder' }),
    ...(vm.late ? [textBlock(t(vm.late === 'unknown' ? 'pulse.closed.lateUnknown' : 'pulse.closed.late'), { color: 'Warning' })] : []),
    ...(vm.newer ? [plainText(t(vm.newer.private ? 'pulse.closed.newerInChat' : 'pulse.closed.newerInChannel', { team: vm.newer.teamName }), { weight: 'Bolder' })] : []),
    textBlock(t(vm.closed.by === 'hr' ? 'pulse.closed.byHr' : 'pulse.closed.byDate', { date: vm.closed.label })),
    subtle(t('pulse.closed.mirror')),
  ]);
}
