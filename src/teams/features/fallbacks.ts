import { ActivityTypes, TurnContext } from 'botbuilder';
import { Application, TurnState } from '../teams-ai';

import { postCard, sendInvokeCard } from '../card-response';
import { errorCard } from '../cards/error.card';
import { inChatWithColleague } from '../own-chat';
import type { CardActionContext } from '../card-actions';
import type { Locale, Translator } from '../../i18n/i18n';
import type { Logger } from '../../log/logger';

export interface FallbackDeps {
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
  /** The language of this turn (the group's, or the person's own choice in their 1:1 chat). */
  localeFor: CardActionContext['localeFor'];
  /** A card to the person who acted, in their own chat with the bot. */
  toActorPrivately?: CardActionContext['toActorPrivately'];
}

/** Registered last: whatever no feature handled gets a friendly answer instead of silence or a 500. */
export function registerFallbacks(app: Application<TurnState>, deps: FallbackDeps): void {
  // Even "I don't understand" is an answer to this group or person: in their language, not the app's default.
  const tFor = async (context: TurnContext, data: Record<string, unknown>) => {
    const locale = await deps.localeFor(context, data).catch(() => deps.defaultLanguage);
    return deps.translator.t(locale);
  };
  app.activity(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
      deps.logger.info({ verb: String(action?.verb ?? '').slice(0, 60) }, 'unknown card verb');
      const data = action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
      await sendInvokeCard(context, errorCard({ code: 'invalidInput' }, await tFor(context, data)));
    },
  );
  app.activity(ActivityTypes.Message, async (context) => {
    const value = context.activity.value;
    const t = await tFor(context, value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
    if (!value) return void (await context.sendActivity(t('unknownCommand')));
    const card = errorCard({ code: 'invalidInput' }, t);
    // A press in a 1:1 chat with a colleague is answered to the presser alone, in their own chat (see card-actions).
    if (inChatWithColleague(context) && deps.toActorPrivately) {
      await deps.toActorPrivately(context, card).catch((err: Error) => deps.logger.warn({ err: err.message }, 'could not tell the actor privately about an unknown button'));
      return;
    }
    await postCard(context, card);
  });
}
