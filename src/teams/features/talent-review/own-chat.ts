import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { Translate } from '../../../i18n/i18n';
import { ActionOutcome, CardActionContext, CardActionOptions, onCardAction } from '../../card-actions';
import { postCard } from '../../card-response';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { inOwnChatWithBot, ownChatOnlyCard as pointerCard } from '../../own-chat';
import { actorOf, teamsLocale } from '../../turn';
import { afterCommand, isCommand } from '../language-command';
import { VerbData, VerbName } from '../../verbs';
import { languageOf, TalentReviewFeatureDeps } from './deps';

/**
 * The talent review answers only in the person's own 1:1 chat with the bot (inOwnChatWithBot):
 * what it shows (reports, dates, what a report shares with their manager alone) must not reach the
 * colleague in a 1:1 chat between two people, nor a group chat or channel. Anywhere else the
 * answer is where to go instead, worded for the talent review, with nothing of it in it.
 */
export function ownChatOnlyCard(t: Translate): AdaptiveCardJson {
  return pointerCard(t, 'talentReview.onlyInOwnChat');
}

/**
 * A talent-review card action that runs only in the presser's own chat with the bot; elsewhere it
 * answers with ownChatOnlyCard before anything is read or stored. A refused input's form is held
 * to the same place: it would show the records the button names (a plan form lists every report).
 */
export function onOwnChatAction<V extends VerbName>(
  app: Application<TurnState>,
  actions: CardActionContext,
  name: V,
  handler: (context: TurnContext, data: VerbData<V>) => Promise<ActionOutcome>,
  options: CardActionOptions = {},
): void {
  const form = options.form;
  const heldForm = form && { ...form, render: async (context: TurnContext, r: Parameters<typeof form.render>[1]) => (inOwnChatWithBot(context) ? form.render(context, r) : ownChatOnlyCard(r.t)) };
  onCardAction(
    app,
    actions,
    name,
    async (context, data) => {
      if (inOwnChatWithBot(context)) return handler(context, data);
      const locale = await actions.localeFor(context, {}).catch(() => teamsLocale(context) ?? actions.defaultLanguage);
      const card = ownChatOnlyCard(actions.translator.t(locale));
      // On the Action.Submit fallback in a channel or group chat the answer reaches the presser in their own chat.
      return { card, personal: true, privately: card };
    },
    heldForm ? { ...options, form: heldForm } : options,
  );
}

/**
 * A typed talent-review command: `run` in the person's own chat with the bot; anywhere else
 * (another 1:1 chat, a group chat, a channel) only ownChatOnlyCard. The command words are the
 * talent review's alone, so the selector takes them anywhere, to answer where to go. They are read
 * as they show (a zero-width space pasted before or in them does not hide the command); `words`
 * is what follows them as typed (afterCommand), not the command words with such a space before them.
 */
export function onOwnChatCommand(app: Application<TurnState>, deps: TalentReviewFeatureDeps, pattern: RegExp, run: (context: TurnContext, words: string) => Promise<void>): void {
  app.message(
    async (context) => isCommand(context.activity.text ?? '', pattern),
    async (context) => {
      if (inOwnChatWithBot(context)) return run(context, afterCommand(context.activity.text ?? '', pattern));
      const language = await languageOf(deps, actorOf(context).id, context).catch(() => teamsLocale(context) ?? deps.defaultLanguage);
      await postCard(context, ownChatOnlyCard(deps.translator.t(language)));
    },
  );
}
