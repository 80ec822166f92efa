import { TurnContext } from 'botbuilder';
import { loggableError } from '../../../log/loggable-error';
import { Application, TurnState } from '../../teams-ai';
import { ChatAccount, Group } from '../../../domain/week-cycle/group';
import { forgetHostTeam, keepToChatRoster, leaveWithChat, pauseWithChat, resumeWithChat } from '../../../usecases/week-cycle/membership';
import { groupIdFor } from '../../../usecases/week-cycle/set-up-group';
import { TurnToRedeliver } from '../../bot-app';
import { actorOf, botWasAdded, conversationKindOf, groupConversationId } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { inStandardChannel, readWholeRoster, teamOf } from './roster';
import { postSummariesNotDelivered } from './session-presenter';

/** The people a conversationUpdate names as removed, the app itself left out. */
function removedPeople(context: TurnContext): { people: ChatAccount[]; appRemoved: boolean } {
  const botId = context.activity.recipient?.id;
  const removed = context.activity.membersRemoved ?? [];
  const people = removed.filter((m) => m.id !== botId).map((m) => ({ teamsId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) }));
  return { people, appRemoved: removed.some((m) => m.id === botId) };
}

/**
 * The team a conversationUpdate concerns as a whole: the app (or someone) added to or removed
 * from the team itself. Teams tells it once, in the team's General channel (whose conversation id
 * is the team's), and it holds for every one of the team's own channels. Undefined for a chat, and
 * for an event of one channel: one that arrives elsewhere is not widened to the team, whatever
 * its eventType.
 */
function teamWide(context: TurnContext): string | undefined {
  const eventType = (context.activity.channelData as { eventType?: unknown } | undefined)?.eventType;
  if (eventType !== 'teamMemberRemoved' && eventType !== 'teamMemberAdded') return undefined;
  const team = teamOf(context);
  return team !== undefined && groupConversationId(context) === team ? team : undefined;
}

/** A shared or private channel: Teams tells there of the app's removal from (or return to) that channel alone. */
function inChannelOfItsOwn(context: TurnContext): boolean {
  return conversationKindOf(context) === 'channel' && !inStandardChannel(context);
}

/**
 * The groups a conversationUpdate concerns: the group of its conversation, and for a team-wide
 * one also those set up in the team's other channels (one query, never in a user's turn).
 */
async function groupIdsConcerned(deps: FeatureDeps, context: TurnContext): Promise<string[]> {
  const own = groupIdFor(groupConversationId(context));
  const team = teamWide(context);
  return team ? [...new Set([own, ...(await deps.weekCycle.groups.idsInTeam(team))])] : [own];
}

/**
 * A group is its chat: who is no longer in the chat is no longer in the group. Teams tells the
 * app when people are removed from the group's chat (or, for a group in one of a team's
 * channels, from the team); they leave the group then, so nothing new of the group reaches them.
 *
 * The app's own removal (uninstalled from the chat) changes no one's membership and deletes
 * nothing: the people are still in the chat and the group's history is theirs. It pauses the
 * group, though: the rhythm would go on opening and closing sessions by itself in a chat where
 * Teams refuses the app's messages, so while paused it opens none and reminds no one. When the
 * app is added back the group goes on (the weeks missed meanwhile planned again), and, as Teams
 * tells a removed app of nobody leaving, the chat's roster decides who is still in the group.
 *
 * A bot is installed per team: its removal from (or return to) a team concerns the groups of all
 * the team's own channels, though Teams tells it only in General. Not the groups of its shared or
 * private channels: there the app is allowed or disallowed per channel, and Teams tells it there.
 * A group saved in such a channel before the app told them apart still names the host team; the
 * app's removal from or return to that channel drops it (forgetHostTeam), as a setup saved there does.
 *
 * Someone added to the chat is not a member yet: as anyone in the chat, they join by acting on
 * the group's cards (while it has room) or when a setup picks them.
 */
export function registerChatMembers(app: Application<TurnState>, deps: FeatureDeps): void {
  app.conversationUpdate('membersRemoved', async (context) => {
    if (conversationKindOf(context) === 'personal') return;
    const { people, appRemoved } = removedPeople(context);
    // Teams tells of a removal once: work the store failed is not dropped, the turn fails after
    // every step was tried, and Teams delivers the update again (every step is idempotent).
    let failed = false;
    let groupIds: string[];
    try {
      groupIds = await groupIdsConcerned(deps, context);
    } catch (err) {
      failed = true;
      deps.logger.error(loggableError(err), "could not find the groups of the team's channels");
      groupIds = [groupIdFor(groupConversationId(context))];
    }
    if (appRemoved && inChannelOfItsOwn(context)) {
      try {
        const group = await deps.weekCycle.groups.get(groupIdFor(groupConversationId(context)));
        if (group) await forgetHostTeam(deps.weekCycle, group);
      } catch (err) {
        failed = true;
        deps.logger.error(loggableError(err), 'could not take the host team off the group of a shared or private channel');
      }
    }
    // Read at most once, and only for someone whose index says they joined after the removal was sent.
    let roster: Promise<ChatAccount[] | undefined> | undefined;
    const told = { sentAt: actorOf(context).sentAt, roster: () => (roster ??= readWholeRoster(context, deps.logger)) };
    for (const groupId of groupIds) {
      if (appRemoved) {
        try {
          if (await pauseWithChat(deps.weekCycle, groupId)) deps.logger.info('app removed from a chat; its group is kept and paused');
        } catch (err) {
          failed = true;
          deps.logger.error(loggableError(err), 'could not pause the group of a chat the app was removed from');
        }
      }
      try {
        const left = await leaveWithChat(deps.weekCycle, groupId, people, told);
        if (left.length) deps.logger.info({ count: left.length }, 'removed from the chat, left the group');
      } catch (err) {
        failed = true;
        deps.logger.error(loggableError(err), 'could not take people removed from the chat out of its group');
      }
    }
    if (failed) throw new TurnToRedeliver('removal from a chat not stored');
  });

  // A hook, not a route: teams-ai runs only the first matching route, and the welcome card
  // answers the same conversationUpdate. Teams tells of an install once, as of a removal: work the
  // store failed is not dropped (a group paused by the app's removal from a team has nothing else
  // to resume it), the turn fails after every step was tried and Teams delivers the update again.
  // Every step is idempotent; the greeting, a route after this hook, goes out on the delivery that
  // passes (keyed per install, it would not go twice either).
  app.turn('beforeTurn', async (context) => {
    if (conversationKindOf(context) === 'personal' || !botWasAdded(context)) return true;
    const own = groupIdFor(groupConversationId(context));
    let failed = false;
    let groupIds: string[];
    try {
      groupIds = await groupIdsConcerned(deps, context);
    } catch (err) {
      failed = true;
      deps.logger.error(loggableError(err), "could not find the groups of the team's channels the app was added to");
      groupIds = [own];
    }
    // The roster is read once, for the first group found: a team's own channels have the team's members.
    let roster: Promise<ChatAccount[] | undefined> | undefined;
    for (const groupId of groupIds) {
      // Read once: the roster check and the resume both start from it.
      let group;
      try {
        group = await deps.weekCycle.groups.get(groupId);
      } catch (err) {
        failed = true;
        deps.logger.error({ err: (err as Error).message }, 'could not read the group of a chat the app was added to');
        continue;
      }
      // Most installs are in a new chat: no group, no roster to read.
      if (!group) continue;
      if (groupId === own && inChannelOfItsOwn(context)) {
        try {
          group = await forgetHostTeam(deps.weekCycle, group);
        } catch (err) {
          failed = true;
          deps.logger.error(loggableError(err), 'could not take the host team off the group of a shared or private channel');
        }
      }
      roster ??= readWholeRoster(context, deps.logger);
      if (!(await goOnAfterInstall(deps, group, await roster))) failed = true;
    }
    if (failed) throw new TurnToRedeliver('return to a chat not stored');
    return true;
  });
}

/**
 * The app is back where the group lives: as Teams told it of nobody leaving meanwhile, the chat's
 * roster (when Teams could list it whole) decides who is still in the group, and a paused group
 * goes on. Returns whether the store took both; the install's turn fails when it did not.
 */
async function goOnAfterInstall(deps: FeatureDeps, group: Group, roster: ChatAccount[] | undefined): Promise<boolean> {
  let stored = true;
  try {
    const kept = roster ? await keepToChatRoster(deps.weekCycle, group, roster) : undefined;
    if (kept?.left.length) deps.logger.info({ count: kept.left.length }, 'no longer in the chat when the app came back, left the group');
    group = kept?.group ?? group;
  } catch (err) {
    stored = false;
    deps.logger.error({ err: (err as Error).message }, 'could not check the group against the chat on install');
  }
  // Apart from the roster: a group goes on also when its chat's members cannot be read.
  const pausedAt = group.pausedAt;
  let resumed: Group | undefined;
  try {
    resumed = await resumeWithChat(deps.weekCycle, group);
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'could not resume the group of a chat the app was added back to');
    return false;
  }
  if (!resumed) return stored;
  deps.logger.info('app added back to a chat; its group goes on');
  // Not a reason to fail the turn: its redelivery finds the group going on and posts nothing.
  try {
    const posted = pausedAt ? await postSummariesNotDelivered(deps, resumed, pausedAt) : 0;
    if (posted) deps.logger.info({ posted }, 'summaries refused while the app was away posted now');
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'could not post the summaries refused while the app was away');
  }
  return stored;
}
