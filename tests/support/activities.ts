import { randomUUID } from 'node:crypto';

export interface TestUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function user(name: string): TestUser {
  const n = name.toLowerCase();
  return { id: `29:${n}`, aadObjectId: `aad-${n}`, name };
}

export type ConversationShape = 'groupChat' | 'channel' | 'personal';

export interface ConversationSpec {
  id: string;
  type: ConversationShape;
  tenantId: string;
  serviceUrl: string;
  /** A channel's kind as Teams marks it in channelData.channel.type; unmarked (as a standard channel) when absent. */
  channelType?: 'standard' | 'shared' | 'private';
}

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

function base(conv: ConversationSpec, from: TestUser) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: conv.serviceUrl,
    locale: 'nl-NL',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: BOT,
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId }, ...(conv.type === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: conv.id, ...(conv.channelType ? { type: conv.channelType } : {}) } } : {}) },
  };
}

/** A Teams-shaped message, with the bot @mentioned as Teams does in group chats and channels. */
export function message(conv: ConversationSpec, from: TestUser, text: string) {
  const mention = conv.type === 'personal' ? '' : `<at>${BOT.name}</at> `;
  return {
    ...base(conv, from),
    type: 'message',
    text: `${mention}${text}`,
    entities: conv.type === 'personal' ? [] : [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  };
}

/** An Action.Execute press: Teams sends an `adaptiveCard/action` invoke with the card's message id. */
export function execute(conv: ConversationSpec, from: TestUser, verb: string, data: Record<string, unknown>, replyToId?: string, id?: string) {
  return { ...base(conv, from), ...(id ? { id } : {}), type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

/** The Action.Submit fallback: a message whose value carries the verb and the inputs. */
export function submit(conv: ConversationSpec, from: TestUser, data: Record<string, unknown>, replyToId?: string) {
  return { ...base(conv, from), type: 'message', replyToId, value: data };
}

export function botAdded(conv: ConversationSpec, by: TestUser) {
  return { ...base(conv, by), type: 'conversationUpdate', membersAdded: [BOT] };
}

/** Teams' conversationUpdate when people (or the app itself) are removed from a chat. */
export function membersRemoved(conv: ConversationSpec, by: TestUser, removed: { id: string; aadObjectId?: string; name?: string }[], id = randomUUID()) {
  return {
    ...base(conv, by),
    id,
    type: 'conversationUpdate',
    locale: undefined,
    channelData: { tenant: { id: conv.tenantId }, eventType: 'membersRemoved' },
    membersRemoved: removed.map((m) => ({ id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), ...(m.name ? { name: m.name } : {}) })),
  };
}

/** Teams' conversationUpdate when people are added to a chat. */
export function membersAdded(conv: ConversationSpec, by: TestUser, added: TestUser[]) {
  return { ...base(conv, by), type: 'conversationUpdate', locale: undefined, channelData: { tenant: { id: conv.tenantId }, eventType: 'membersAdded' }, membersAdded: added.map((u) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name })) };
}
