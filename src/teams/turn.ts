import { ActivityTypes, TurnContext } from 'botbuilder';
import { ConversationKind } from '../domain/week-cycle/group';
import type { Locale } from '../i18n/i18n';
import { Actor } from '../usecases/week-cycle/deps';

/** The acting member. The Entra object id is the stable identity; the Teams id is kept for refresh lists. */
export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from;
  const sent = teamsStamp(context);
  return { id: from.aadObjectId || from.id, name: from.name || from.id, teamsId: from.id, ...(sent ? { sentAt: sent.toISOString() } : {}) };
}

export function conversationKindOf(context: TurnContext): ConversationKind {
  const type = context.activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function tenantOf(context: TurnContext): string | undefined {
  return context.activity.conversation.tenantId || (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/**
 * The group chat or channel this turn belongs to. In a channel, each message starts a thread
 * ("...;messageid=..."); the group is the channel itself.
 */
export function groupConversationId(context: TurnContext): string {
  return context.activity.conversation.id.split(';messageid=')[0]!;
}

export function isInvoke(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke;
}

/** A conversationUpdate that adds this bot: the moment to greet, once per install. */
export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return context.activity.type === 'conversationUpdate' && (context.activity.membersAdded ?? []).some((m) => m.id === botId);
}

/**
 * The language Teams reports for this turn ("en-US", "nl-BE"), if it is one the app speaks.
 * Teams shows the manifest (the message extension's commands) and the tab in this language, so
 * what opens from them must follow it; any other language is left to the default.
 */
export function teamsLocale(context: TurnContext): Locale | undefined {
  const tag = (context.activity.locale ?? '').toLowerCase();
  if (/^en(-|_|$)/.test(tag)) return 'en';
  if (/^nl(-|_|$)/.test(tag)) return 'nl';
  return undefined;
}

/**
 * When the activity was sent, as Teams stamps it: the same on a redelivery, which may be handled
 * a minute (and a midnight) later. `fallback` (now) when it carries no valid stamp.
 */
export function sentAt(context: TurnContext, fallback: Date): Date {
  return teamsStamp(context) ?? fallback;
}

/** The activity's valid `timestamp`, if it has one. */
function teamsStamp(context: TurnContext): Date | undefined {
  const stamp = context.activity.timestamp as Date | string | undefined;
  const at = stamp === undefined ? undefined : new Date(stamp);
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}
