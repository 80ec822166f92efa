import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DomainError, isDomainError } from '../domain/shared/errors';
import { Locale, Translator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import { AdaptiveCardJson } from './cards/card-kit';
import { errorCard } from './cards/error.card';
import { postCard, sendInvokeCard, sendInvokeMessage, updateCard } from './card-response';
import { SharedCardUpdates } from './shared-card-updates';
import { isInvoke } from './turn';
import { VERBS, VerbData, VerbName } from './verbs';

/**
 * What a card action produces. `card` goes to the person who acted; when it holds their private
 * view (`personal`), `shared` is the neutral version that replaces the message for everyone.
 */
export type ActionOutcome =
  | { card: AdaptiveCardJson; personal?: boolean; shared?: AdaptiveCardJson }
  /** Leaves the card as it is and shows the actor a short message. */
  | { message: string };

export interface CardActionContext {
  logger: Logger;
  translator: Translator;
  /** Brings the shared card up to date right after the actor got their own card back (without it: within the turn). */
  sharedCards?: SharedCardUpdates;
  /** The language to answer in: the group's where there is one, else the user's. */
  localeFor(context: TurnContext, data: Record<string, unknown>): Promise<Locale>;
}

/**
 * The shared card follows what was stored, sent after the actor's own answer and never in its
 * way: if the update fails (Teams throttles, a network blip), the action still succeeded, and the
 * next change or refresh brings the shared card up to date. An error card would say "nothing was
 * stored", wrongly.
 */
async function updateShared(context: TurnContext, sharedCards: SharedCardUpdates | undefined, messageId: string, card: AdaptiveCardJson, logger: Logger): Promise<void> {
  const { serviceUrl, conversation, recipient } = context.activity;
  if (sharedCards) {
    sharedCards.push({ route: { serviceUrl, botId: recipient?.id, tenantId: conversation.tenantId }, conversationId: conversation.id, activityId: messageId }, card);
    return;
  }
  await updateCard(context, messageId, card).catch((err: Error) => logger.warn({ err: err.message }, 'could not update the shared card; the action itself was stored'));
}

async function deliver(context: TurnContext, outcome: ActionOutcome, ctx: CardActionContext): Promise<void> {
  if ('message' in outcome) {
    if (isInvoke(context)) await sendInvokeMessage(context, outcome.message);
    return;
  }
  const messageId = context.activity.replyToId;
  const shared = outcome.shared ?? (outcome.personal ? undefined : outcome.card);
  if (isInvoke(context)) {
    if (messageId && outcome.shared) await updateShared(context, ctx.sharedCards, messageId, outcome.shared, ctx.logger);
    await sendInvokeCard(context, outcome.card);
  } else if (messageId && shared) {
    // Action.Submit fallback: there is no private reply channel, so only the neutral card is shown.
    await updateShared(context, ctx.sharedCards, messageId, shared, ctx.logger);
  }
}

async function deliverError(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (isInvoke(context)) await sendInvokeCard(context, card);
  else await postCard(context, card);
}

/**
 * Registers one verb for both Action.Execute and the Action.Submit fallback. The payload is
 * validated before the handler runs; every failure becomes a friendly card and never a crash.
 */
export function onCardAction<V extends VerbName>(
  app: Application<TurnState>,
  ctx: CardActionContext,
  name: V,
  handler: (context: TurnContext, data: VerbData<V>) => Promise<ActionOutcome>,
): void {
  const { verb, data: schema } = VERBS[name];
  const run = async (context: TurnContext, raw: unknown) => {
    const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw new DomainError('invalidInput', `payload for ${verb}: ${parsed.error.issues.map((i) => i.path.join('.')).join(',')}`);
      await deliver(context, await handler(context, parsed.data as VerbData<V>), ctx);
    } catch (err) {
      const code = isDomainError(err) ? err.code : 'unexpected';
      if (code === 'unexpected') ctx.logger.error({ verb, err: (err as Error).message, stack: (err as Error).stack }, 'card action failed');
      else ctx.logger.info({ verb, code, detail: (err as DomainError).detail }, 'card action refused');
      // The language is looked up only here: a successful action reads nothing extra for it.
      const locale: Locale = await ctx.localeFor(context, input).catch(() => 'nl' as const);
      await deliverError(context, errorCard(code, ctx.translator.t(locale)));
    }
  };
  app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
    await run(context, data);
    return ''; // the invoke response was already sent by run()
  });
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => run(context, data));
}
