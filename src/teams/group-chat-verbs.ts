import { groupIdFor } from '../usecases/week-cycle/set-up-group';
import { groupConversationId } from './turn';
import type { TurnContext } from 'botbuilder';
import type { VerbName } from './verbs';

/**
 * Actions on a group's own cards (the session, the week, the rhythm, a learning need raised in a
 * session). A group is its chat: its id is derived from the chat's id, and its cards are only in
 * that chat. The same action from anywhere else (a personal chat, another group, a card copied or
 * forged with the group's ids) would read or change a group the sender may not belong to.
 */
export const GROUP_CHAT_VERBS: ReadonlySet<VerbName> = new Set<VerbName>([
  'refreshSession',
  'startCycle',
  'openAgenda',
  'saveAgenda',
  'startSession',
  'checkIn',
  'showSession',
  'markPresent',
  'contribute',
  'goTo',
  'answerPersonal',
  'draftProposal',
  'judgeProposal',
  'decideProposal',
  'lookBackOnFirstStep',
  'endSession',
  'openLearningNeed',
  'passLearningNeed',
  'withdrawLearningNeed',
  'showPlan',
  'askSkipWeek',
  'skipWeek',
  'askMoveWeek',
  'moveWeek',
  'previewProposalToLo',
  'shareProposalToLo',
]);

/** Whether a group action comes from that group's own chat (a channel's threads count as the channel). */
export function fromGroupChat(context: TurnContext, groupId: string): boolean {
  return groupIdFor(groupConversationId(context)) === groupId;
}
