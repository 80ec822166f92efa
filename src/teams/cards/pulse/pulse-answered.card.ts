import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, refreshFor, subtle, textBlock } from '../card-kit';

export interface PollAnsweredView {
  pollId: string;
  targetId: string;
  title: string;
  closesLabel: string;
  /** `already`: a second try, refused. */
  state: 'stored' | 'already';
  commentLost?: boolean;
  refreshUserIds: string[];
}

/** What a member sees after answering: only that they answered. Never any answer, theirs or another's. */
export function pollAnsweredCard(vm: PollAnsweredView, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(vm.title),
      textBlock(`✅ ${t('pulse.answered.title')}`, { weight: 'Bolder', color: 'Good' }),
      textBlock(vm.state === 'already' ? t('pulse.answered.already') : t('pulse.answered.body')),
      ...(vm.commentLost ? [textBlock(t('pulse.answered.commentLost'), { color: 'Warning' })] : []),
      subtle(t('pulse.form.closes', { date: vm.closesLabel })),
    ],
    [],
    { refresh: refreshFor('pulseView', { pollId: vm.pollId, targetId: vm.targetId }, vm.refreshUserIds) },
  );
}
