import { TurnContext } from 'botbuilder';
import { loggableError } from '../../../log/loggable-error';
import { Application, TurnState } from '../../teams-ai';
import { ChatAccount } from '../../../domain/week-cycle/group';
import { keepToChatRoster, leaveWithChat, pauseWithChat, resumeWithChat } from '../../../usecases/week-cycle/membership';
import { groupIdFor } from '../../../usecases/week-cycle/set-up-group';
import { TurnToRedeliver } from '../../bot-app';
import { botWasAdded, conversationKindOf, groupConversationId } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { readWholeRoster } from './roster';
import { postSummariesNotDelivered } from './session-presenter';

/** The people a conversationUpdate names as removed, the app itself left out. */
function removedPeople(context: TurnContext): { people: ChatAccount[]; appRemoved: boolean } {
  const botId = context.activity.recipient?.id;
  const removed = context.activity.membersRemoved ?? [];
  const people = removed.filter((m) => m.id !== botId).map((m) => ({ teamsId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) }));
  return { people, appRemoved: removed.some((m) => m.id === botId) };
}

/**
 * A group is its chat: who is no longer in the chat is no longer in the group. Teams tells the
 * app when people are removed from the group's chat (or, for a group in a team's General
 * channel, from the team); they leave the group then, so nothing new of the group reaches them.
 *
 * The app's own removal (uninstalled from the chat) changes no one's membership and deletes
 * nothing: the people are still in the chat and the group's history is theirs. It pauses the
 * group, though: the rhythm would go on opening and closing sessions by itself in a chat where
 * Teams refuses the app's messages, so while paused it opens none and reminds no one. When the
 * app is added back the group goes on (the weeks missed meanwhile planned again), and, as Teams
 * tells a removed app of nobody leaving, the chat's roster decides who is still in the group.
 *
 * Someone added to the chat is not a member yet: as anyone in the chat, they join by acting on
 * the group's cards (while it has room) or when a setup picks them.
 */
export function registerChatMembers(app: Application<TurnState>, deps: FeatureDeps): void {
  app.conversationUpdate('membersRemoved', async (context) => {
    if (conversationKindOf(context) === 'personal') return;
    const { people, appRemoved } = removedPeople(context);
    const groupId = groupIdFor(groupConversationId(context));
    // Teams tells of a removal once: work the store failed is not dropped, the turn fails after
    // both steps were tried, and Teams delivers the update again (both steps are idempotent).
    let failed = false;
    if (appRemoved) {
      try {
        if (await pauseWithChat(deps.weekCycle, groupId)) deps.logger.info('app removed from a chat; its group is kept and paused');
      } catch (err) {
        failed = true;
        deps.logger.error(loggableError(err), 'could not pause the group of a chat the app was removed from');
      }
    }
    try {
      const left = await leaveWithChat(deps.weekCycle, groupId, people);
      if (left.length) deps.logger.info({ count: left.length }, 'removed from the chat, left the group');
    } catch (err) {
      failed = true;
      deps.logger.error(loggableError(err), 'could not take people removed from the chat out of its group');
    }
    if (failed) throw new TurnToRedeliver('removal from a chat not stored');
  });

  // A hook, not a route: teams-ai runs only the first matching route, and the welcome card
  // answers the same conversationUpdate. It never stops the turn.
  app.turn('beforeTurn', async (context) => {
    if (conversationKindOf(context) === 'personal' || !botWasAdded(context)) return true;
    const groupId = groupIdFor(groupConversationId(context));
    // Read once: the roster check and the resume both start from it.
    let group;
    try {
      group = await deps.weekCycle.groups.get(groupId);
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'could not read the group of a chat the app was added to');
      return true;
    }
    // Most installs are in a new chat: no group, no roster to read.
    if (!group) return true;
    try {
      const roster = await readWholeRoster(context, deps.logger);
      const kept = roster ? await keepToChatRoster(deps.weekCycle, group, roster) : undefined;
      if (kept?.left.length) deps.logger.info({ count: kept.left.length }, 'no longer in the chat when the app came back, left the group');
      group = kept?.group ?? group;
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'could not check the group against the chat on install');
    }
    // Apart from the roster: a group goes on also when its chat's members cannot be read.
    try {
      const pausedAt = group.pausedAt;
      const resumed = await resumeWithChat(deps.weekCycle, group);
      if (resumed) {
        deps.logger.info('app added back to a chat; its group goes on');
        const posted = pausedAt ? await postSummariesNotDelivered(deps, resumed, pausedAt) : 0;
        if (posted) deps.logger.info({ posted }, 'summaries refused while the app was away posted now');
      }
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'could not resume the group of a chat the app was added back to');
    }
    return true;
  });
}
