import { TurnContext } from 'botbuilder';
import { isChatWithBot } from '../domain/shared/chat-with-bot';
import { Translate } from '../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, textBlock } from './cards/card-kit';
import { errorTitle } from './cards/error.card';
import { conversationKindOf } from './turn';

/**
 * Whether this turn is in the person's own 1:1 chat with the bot. Teams calls a 1:1 chat between
 * two people "personal" as well (its id is a thread's, "19:…"; the bot's own chat's is "a:…"), and
 * the bot's cards can land there: what belongs to one person (HR's report and its download links,
 * every team's poll figures, a talent review) must not reach the colleague in it. The id rule is
 * the talent review's domain rule, which its plans are held to as well.
 */
export function inOwnChatWithBot(context: TurnContext): boolean {
  return conversationKindOf(context) === 'personal' && isChatWithBot(context.activity.conversation?.id);
}

/**
 * A 1:1 chat between the asker and a colleague: "personal" to Teams, but not the asker's own chat.
 * A view that goes to "the asker alone" from a channel or group chat (to their own chat, or as a
 * card only their Teams refreshes) is never shown here: the colleague reads every message in it.
 */
export function inChatWithColleague(context: TurnContext): boolean {
  return conversationKindOf(context) === 'personal' && !inOwnChatWithBot(context);
}

/**
 * The answer outside the own chat with the bot: where to go instead, and that nothing was saved
 * or shown. Nothing of the feature in it. A feature may word the reason its own way (`key`).
 */
export function ownChatOnlyCard(t: Translate, key = 'error.onlyInOwnChat'): AdaptiveCardJson {
  return adaptiveCard([errorTitle(t), textBlock(t(key))]);
}

/**
 * A card action's answer outside the own chat: the pointer to the presser alone. On the Submit
 * fallback in a 1:1 chat with a colleague (no private reply there) it goes to their own chat.
 * Nothing else of an action's answer is sent there on its own: an action that stores something
 * private (a poll answer) says what it may, and nothing more, through its own `privately`.
 */
export function ownChatOnlyOutcome(card: AdaptiveCardJson): { card: AdaptiveCardJson; personal: true; privately: AdaptiveCardJson } {
  return { card, personal: true, privately: card };
}
