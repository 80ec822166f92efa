import { TeamsInfo, TurnContext } from 'botbuilder';
import { loggableError } from '../../../log/loggable-error';
import { ChatAccount, Member } from '../../../domain/week-cycle/group';
import type { Logger } from '../../../log/logger';
import { actorOf } from '../../turn';
import { Actor } from '../../../usecases/week-cycle/deps';

const MAX_ROSTER = 200;

/** The chat's members as a setup reads them, and whether Teams itself named the person acting among them. */
export interface ChatRoster {
  /** The chat's members, for picking the group; the person acting is always among them. */
  members: Member[];
  /**
   * Whether Teams listed the person acting. Undefined when it cannot tell: the read failed (then
   * `members` is the person alone) or stopped at MAX_ROSTER before the list ended.
   */
  actorListed?: boolean;
}

/** The chat's members, for picking the group. Falls back to the person acting when Teams can't list them. */
export async function readChatRoster(context: TurnContext, logger: Logger): Promise<ChatRoster> {
  const actor = actorOf(context);
  const self: Member = { id: actor.id, name: actor.name, teamsId: actor.teamsId };
  try {
    const members: Member[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 100, token);
      for (const m of page.members) members.push({ id: m.aadObjectId || m.id, name: m.name || m.givenName || m.id, teamsId: m.id });
      token = page.continuationToken;
    } while (token && members.length < MAX_ROSTER);
    const listed = members.some((m) => m.id === self.id);
    // Absent from a list cut off at MAX_ROSTER may still be further down it; an empty answer tells nothing.
    const told = listed || (!token && members.length > 0);
    return { members: listed ? members : [self, ...members], ...(told ? { actorListed: listed } : {}) };
  } catch (err) {
    logger.warn(loggableError(err), 'could not read the conversation roster; offering only the current user');
    return { members: [self] };
  }
}

/** The chat's members, for picking the group (see readChatRoster). */
export async function readRoster(context: TurnContext, logger: Logger): Promise<Member[]> {
  return (await readChatRoster(context, logger)).members;
}

/** How long a press waits for Teams to say whether its presser is in the chat (found in review, stop 53). */
export const ROSTER_LOOKUP_WAIT_MS = 3_000;

/**
 * Whether Teams lists this person (their Teams id) in the turn's chat now: one lookup of them
 * (the Bot Connector's conversation member; in a team's channel the team's). False when Teams
 * answers that they are not in it; undefined when it did not tell (any other failure, or not
 * within ROSTER_LOOKUP_WAIT_MS).
 */
export async function inChat(context: TurnContext, teamsId: string, logger: Logger): Promise<boolean | undefined> {
  let timer: NodeJS.Timeout | undefined;
  // Teams throttling the lookup (the client waits out each Retry-After) must not hold the press past
  // what Teams waits for its answer: unanswered in time is "cannot tell", refused with the words kept.
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ROSTER_LOOKUP_WAIT_MS)));
  try {
    const found = await Promise.race([TeamsInfo.getMember(context, teamsId), late]);
    if (found === 'late') {
      logger.warn({ waitedMs: ROSTER_LOOKUP_WAIT_MS }, 'Teams did not tell in time whether someone is in the chat');
      return undefined;
    }
    return true;
  } catch (err) {
    if ((err as { statusCode?: unknown }).statusCode === 404) return false;
    logger.warn(loggableError(err), 'could not look up whether someone is in the chat');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The person acting, who can be asked whether they are in the chat now: asked only when the group
 * let them go and they act on its card (ensureMember). Use it for actions that may join the group.
 */
export function chatActorOf(context: TurnContext, logger: Logger): Actor {
  const actor = actorOf(context);
  // Not `{ ...actor, inChat }`: see card-kit's `extended` (every card press builds one).
  return Object.assign({}, actor, { inChat: () => inChat(context, actor.teamsId ?? context.activity.from.id, logger) });
}

/** Beyond this many people a chat's roster is not read whole (a big team's): at 100 a page, 50 requests. */
const MAX_WHOLE_ROSTER = 5000;

/**
 * Everyone in the chat, or undefined when Teams could not list them all (an error, an empty
 * answer, more than MAX_WHOLE_ROSTER): only a complete roster can tell who is no longer there.
 */
export async function readWholeRoster(context: TurnContext, logger: Logger): Promise<ChatAccount[] | undefined> {
  try {
    const accounts: ChatAccount[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 100, token);
      for (const m of page.members) accounts.push({ teamsId: m.id, aadObjectId: m.aadObjectId || undefined });
      token = page.continuationToken;
      if (token && accounts.length >= MAX_WHOLE_ROSTER) return undefined;
    } while (token);
    return accounts.length ? accounts : undefined;
  } catch (err) {
    logger.warn(loggableError(err), 'could not read the whole conversation roster');
    return undefined;
  }
}

/**
 * The team of a turn in one of its channels (Teams names it in channelData), or undefined in a
 * chat. Teams names the host team in a shared or private channel too: see teamChannelOf.
 */
export function teamOf(context: TurnContext): string | undefined {
  const id = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Whether the turn's channel is one of its team's own: a standard channel (General is one), whose
 * members are the team's and where the app is when it is in the team. Teams marks the others in
 * channelData.channel.type: a shared channel ('shared') has people from outside the team, a
 * private one ('private') some of it, and in either the app is allowed or disallowed on its own.
 * Activities from before Teams marked channels carry no type: only standard channels had the app.
 */
export function inStandardChannel(context: TurnContext): boolean {
  const type = (context.activity.channelData as { channel?: { type?: unknown } } | undefined)?.channel?.type;
  return type === undefined || type === null || type === 'standard';
}

/**
 * The team whose own channel the turn is in, or undefined in a chat and in a shared or private
 * channel. A group set up in a team's own channel keeps it in its conversation reference: Teams
 * tells the app of its removal from (or return to) the team once, in the team's General channel,
 * and that concerns the groups of every such channel (their members, the app's presence and the
 * team's B3 mirror are the team's). Not a shared or private channel's group: Teams names the host
 * team there as well, but its people, and whether the app may be there, are the channel's own.
 */
export function teamChannelOf(context: TurnContext): string | undefined {
  return inStandardChannel(context) ? teamOf(context) : undefined;
}
