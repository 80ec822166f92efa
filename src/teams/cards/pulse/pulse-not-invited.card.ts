import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, plainText, refreshFor, textBlock } from '../card-kit';

export interface PollNotInvitedView {
  pollId: string;
  targetId: string;
  title: string;
  teamName: string;
  /** They sent answers anyway (the shared channel card shows the questions to everyone): say none were kept. */
  refused?: boolean;
  refreshUserIds: string[];
}

/**
 * For someone the poll did not go to (they joined the team after it started): no questions, since
 * no answer of theirs can be taken, and why. Refreshed like the answered card, so it turns into
 * the closed card once the poll closes.
 */
export function pollNotInvitedCard(vm: PollNotInvitedView, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(vm.title),
      textBlock(t('pulse.notInvited.title'), { weight: 'Bolder' }),
      ...(vm.refused ? [textBlock(t('pulse.notInvited.notStored'), { color: 'Warning' })] : []),
      // The team's name as Teams gives it: plain text, never Markdown.
      plainText(t('pulse.notInvited.body', { team: vm.teamName })),
    ],
    [],
    { refresh: refreshFor('pulseView', { pollId: vm.pollId, targetId: vm.targetId }, vm.refreshUserIds) },
  );
}
