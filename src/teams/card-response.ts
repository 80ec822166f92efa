import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from './cards/card-kit';
import { cardActivity } from './cards/card-summary';

/** Answers an Action.Execute invoke with a card for the person who acted. */
export async function sendInvokeCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}

/** Answers an Action.Execute invoke with a short message; the card stays as it is. */
export async function sendInvokeMessage(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message } },
  });
}

/**
 * A card as the message activity of a reply: the same one summary as every card the app sends on
 * its own (card-summary.ts), so Teams' toast, feed and chat list say what arrived instead of
 * "Sent a card" and a screen reader announces it. Taken from the card itself: in its language,
 * and nothing the card does not show everyone in that conversation.
 */
function replyActivity(card: AdaptiveCardJson): Partial<Activity> {
  return cardActivity(card) as Partial<Activity>;
}

/** Posts a card as a new message and returns its activity id (to update it in place later). */
export async function postCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const res = await context.sendActivity(replyActivity(card));
  return res?.id;
}

/** Updates a posted card in place, with its summary, so the chat list keeps saying what it is. */
export async function updateCard(context: TurnContext, activityId: string, card: AdaptiveCardJson): Promise<void> {
  await context.updateActivity({ ...replyActivity(card), id: activityId });
}
