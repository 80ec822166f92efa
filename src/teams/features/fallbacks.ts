import { ActivityTypes } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';

import { postCard, sendInvokeCard } from '../card-response';
import { errorCard } from '../cards/error.card';
import type { Translator } from '../../i18n/i18n';
import type { Logger } from '../../log/logger';

/** Registered last: whatever no feature handled gets a friendly answer instead of silence or a 500. */
export function registerFallbacks(app: Application<TurnState>, deps: { translator: Translator; logger: Logger; defaultLanguage: 'nl' | 'en' }): void {
  app.activity(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      deps.logger.info({ verb: String((context.activity.value as { action?: { verb?: unknown } })?.action?.verb ?? '').slice(0, 60) }, 'unknown card verb');
      await sendInvokeCard(context, errorCard({ code: 'invalidInput' }, deps.translator.t(deps.defaultLanguage)));
    },
  );
  app.activity(ActivityTypes.Message, async (context) => {
    const t = deps.translator.t(deps.defaultLanguage);
    if (context.activity.value) await postCard(context, errorCard({ code: 'invalidInput' }, t));
    else await context.sendActivity(t('unknownCommand'));
  });
}
