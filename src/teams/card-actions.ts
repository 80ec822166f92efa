import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DomainError, isDomainError } from '../domain/shared/errors';
import { Locale, Translator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import { AdaptiveCardJson } from './cards/card-kit';
import { errorCard } from './cards/error.card';
import { postCard, sendInvokeCard, sendInvokeMessage, updateCard } from './card-response';
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
  /** The language to answer in: the group's where there is one, else the user's. */
  localeFor(context: TurnContext, data: Record<string, unknown>): Promise<Locale>;
}

async function deliver(context: TurnContext, outcome: ActionOutcome): Promise<void> {
  if ('message' in outcome) {
    if (isInvoke(context)) await sendInvokeMessage(context, outcome.message);
    return;
  }
  const messageId = context.activity.replyToId;
  const shared = outcome.shared ?? (outcome.personal ? undefined : outcome.card);
  if (isInvoke(context)) {
    if (messageId && outcome.shared) await updateCard(context, messageId, outcome.shared);
    await sendInvokeCard(context, outcome.card);
  } else if (messageId && shared) {
    // Action.Submit fallback: there is no private reply channel, so only the neutral card is shown.
    await updateCard(context, messageId, shared);
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
    let locale: Locale = 'nl';
    try {
      locale = await ctx.localeFor(context, input);
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw new DomainError('invalidInput', `payload for ${verb}: ${parsed.error.issues.map((i) => i.path.join('.')).join(',')}`);
      await deliver(context, await handler(context, parsed.data as VerbData<V>));
    } catch (err) {
      const code = isDomainError(err) ? err.code : 'unexpected';
      if (code === 'unexpected') ctx.logger.error({ verb, err: (err as Error).message, stack: (err as Error).stack }, 'card action failed');
      else ctx.logger.info({ verb, code, detail: (err as DomainError).detail }, 'card action refused');
      await deliverError(context, errorCard(code, ctx.translator.t(locale)));
    }
  };
  app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
    await run(context, data);
    return ''; // the invoke response was already sent by run()
  });
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => run(context, data));
}
