import { ActivityTypes, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from './cards/card-kit';

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

export function cardActivity(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Posts a card as a new message and returns its activity id (to update it in place later). */
export async function postCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const res = await context.sendActivity(cardActivity(card));
  return res?.id;
}

export async function updateCard(context: TurnContext, activityId: string, card: AdaptiveCardJson): Promise<void> {
  await context.updateActivity({ ...cardActivity(card), id: activityId });
}
