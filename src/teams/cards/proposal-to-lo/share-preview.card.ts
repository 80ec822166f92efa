import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, plainText, subtle, textBlock } from '../card-kit';
import { formatDate } from '../verantwoording/format';
import { loViewSection } from './lo-view.section';

export interface SharePreviewView {
  /** What L&O will see (or saw). */
  preview: Pick<SharedProposal, 'groupId' | 'proposalId' | 'groupName' | 'proposal' | 'decidedAt'>;
  /** Present once shared: its date and L&O's answer, and no button. */
  shared?: Pick<SharedProposal, 'sharedAt' | 'answer'>;
  language: Locale;
  timeZone: string;
  /** Pressed on the live session card: the way back to the presser's own view of that session. */
  back?: { sessionId: string };
}

/** "Terug naar de sessie": the presser's own view of the live session card again (its refresh). */
function backToSession(vm: SharePreviewView, t: Translate) {
  return vm.back ? [execute(t('proposalToLo.backToSession'), 'refreshSession', { groupId: vm.preview.groupId, sessionId: vm.back.sessionId }, { associatedInputs: 'none' })] : [];
}

/**
 * The presser's own view after "Delen met L&O": exactly what L&O will see, what does not go with
 * it, and the button that shares it on behalf of the group. Once shared: the date, L&O's answer if
 * any, and no button (it is shared once).
 */
export function sharePreviewCard(vm: SharePreviewView, t: Translate): AdaptiveCardJson {
  const l = vm.language;
  const lo = container(loViewSection(vm.preview, t, l, vm.timeZone), { style: 'emphasis', spacing: 'Medium' });
  if (vm.shared) {
    const answer = vm.shared.answer;
    return adaptiveCard(
      [
        heading(t('proposalToLo.sharedTitle')),
        textBlock(t('proposalToLo.sharedOn', { date: formatDate(vm.shared.sharedAt, l, vm.timeZone) }), { weight: 'Bolder', color: 'Good' }),
        lo,
        ...(answer ? [textBlock(t('proposalToLo.answerFromLo', { date: formatDate(answer.at, l, vm.timeZone) }), { weight: 'Bolder', spacing: 'Medium' }), plainText(answer.text)] : [subtle(t('proposalToLo.sharedNext'))]),
      ],
      backToSession(vm, t),
    );
  }
  return adaptiveCard(
    // Shared once, on behalf of everyone, with no way back (no withdraw; the record stays): said
    // here, the last thing the presser reads before the button.
    [heading(t('proposalToLo.previewTitle')), textBlock(t('proposalToLo.previewIntro')), lo, subtle(t('proposalToLo.nothingElse')), textBlock(t('proposalToLo.final'), { weight: 'Bolder', spacing: 'Medium' })],
    [
      execute(t('proposalToLo.share'), 'shareProposalToLo', { groupId: vm.preview.groupId, proposalId: vm.preview.proposalId, ...(vm.back ? { sessionId: vm.back.sessionId } : {}) }, { style: 'positive', associatedInputs: 'none' }),
      ...backToSession(vm, t),
    ],
  );
}

/** A press that may not share: someone not (or no longer) in the group, or a proposal the group did not adopt or adapt. Nothing stored. */
export function shareRefusedCard(status: 'notAMember' | 'notDecided', t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(t('proposalToLo.previewTitle')), textBlock(t(status === 'notAMember' ? 'proposalToLo.notAMember' : 'proposalToLo.notDecided'))]);
}

/**
 * For the presser's own 1:1 chat, after "Delen met L&O" on the Action.Submit fallback in the group's
 * chat: that client has no view only they see there, so nothing was shared, and where to press for
 * the preview. It has no share button: the share is a group action (GROUP_CHAT_VERBS), refused from
 * any other chat. The group's name shows which group it was about; nothing else of the proposal
 * waits in the outbox for this. In the language of the person's own chat (`t`); the summary's
 * button is named as that card shows it (`button`, in the group's language).
 */
export function shareOnOtherClientCard(groupName: string, t: Translate, button: string): AdaptiveCardJson {
  return adaptiveCard([heading(t('proposalToLo.previewTitle')), plainText(t('proposalToLo.group', { group: groupName }), { weight: 'Bolder' }), textBlock(t('proposalToLo.onOtherClient', { button }))]);
}
