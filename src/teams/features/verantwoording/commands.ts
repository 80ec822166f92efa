import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { showsNothing } from '../../../domain/shared/text';
import { Locale, Translate } from '../../../i18n/i18n';
import { addChatNote, AddedNote } from '../../../usecases/verantwoording/notes';
import { chooseLanguage } from '../../../usecases/verantwoording/preferences';
import { postCard } from '../../card-response';
import { helpCard } from '../../cards/help.card';
import { eraseConfirmCard, erasureUnfinishedCard, myDataCard } from '../../cards/verantwoording/my-data.card';
import { errorCard } from '../../cards/error.card';
import { inChatWithColleague, inOwnChatWithBot } from '../../own-chat';
import { afterCommand, isCommand, LANGUAGE_COMMAND, languageChoice, wordLanguage } from '../language-command';
import { actorOf, botWasAdded, conversationKindOf, sentAt } from '../../turn';
import { userT, VerantwoordingFeatureDeps } from './deps';
import { verantwoordingReason } from './refusal-forms';
import { overviewAfterChange, overviewCardFor, ownChatPointer } from './views';

type PersonalCommand = (context: TurnContext, ui: { userId: string; locale: Locale; t: Translate }, rest: string) => Promise<void>;

/**
 * `notitie <tekst>`, also written "notitie: <tekst>" or "note - <text>": the colon or dash after the
 * command word is no part of the note. Only as a separator: a dash with a space after it ("note -5
 * min" keeps its minus), a colon with no punctuation or symbol after it (a note may start with a
 * smiley: "notitie :) fijne dag", "notitie :-(").
 */
const NOTE_COMMAND = /^\s*(notitie|note)\b(?:\s*(?::(?![\p{P}\p{S}])|[-\u2013\u2014](?=\s|$)))?/iu;

/**
 * Text commands in the person's own chat with the bot (Dutch and English). Group chats and
 * channels never reach these: a verantwoording is shown to its owner only. A 1:1 chat with a
 * colleague is "personal" to Teams too: the command words are taken there, to answer only where
 * to go (ownChatPointer), before anything is read, shown or stored.
 */
export function registerVerantwoordingCommands(app: Application<TurnState>, deps: VerantwoordingFeatureDeps): void {
  const v = deps.verantwoording;
  const commands: [RegExp, PersonalCommand][] = [
    [/^\s*help\b/i, async (context, ui) => void (await postCard(context, helpCard(ui.t, 'personal')))],
    [/^\s*(mijn\s+)?verantwoording\b|^\s*(my\s+)?accountability\b/i, async (context, ui) => void (await postCard(context, await overviewCardFor(deps, ui.userId, ui.locale)))],
    [/^\s*(wis|verwijder)\s+mijn\s+gegevens\b|^\s*(erase|delete)\s+my\s+data\b/i, async (context, ui) => void (await postCard(context, eraseConfirmCard(ui.t)))],
    [/^\s*mijn\s+gegevens\b|^\s*my\s+data\b/i, async (context, ui) => void (await postCard(context, myDataCard(ui.t)))],
    [NOTE_COMMAND, async (context, ui, rest) => {
      if (showsNothing(rest)) return void (await context.sendActivity(ui.t('verantwoording.notes.usage')));
      let added: AddedNote;
      try {
        // The message's id tells this message delivered again (after its note was deleted: nothing) from the same words sent anew.
        const sent = sentAt(context, v.clock.now());
        added = await addChatNote(v, ui.userId, { conversationId: context.activity.conversation?.id ?? '', messageId: context.activity.id ?? sent.toISOString(), text: rest, sent, timeZone: deps.timeZone });
      } catch (err) {
        // This message's note was deleted since (the message delivered again): nothing is added; the overview shows how it stands.
        if (isDomainError(err) && err.code === 'notFound') return void (await postCard(context, await overviewCardFor(deps, ui.userId, ui.locale)));
        // A note that does not fit comes back in the add-note form, as typed, with the reason next to it.
        if (!isDomainError(err) || err.input?.field !== 'text') throw err;
        const problem = { field: 'text', code: err.code, rule: err.input.rule, params: err.input.params ?? {} };
        const text = rest.trim();
        return void (await postCard(context, await overviewCardFor(deps, ui.userId, ui.locale, { text, error: verantwoordingReason(problem, ui.t, { text }) })));
      }
      // Stored: from here on nothing may say it went wrong. Built from the records the add read after it, when it did (not read again).
      await postCard(context, await overviewAfterChange(deps, ui, 'noteCommand', undefined, added.records));
    }],
    // Not understood, before they chose a language: answered in the language of the command word.
    [LANGUAGE_COMMAND, async (context, ui, rest) => {
      const choice = languageChoice(rest);
      if (!choice) return void (await context.sendActivity(ui.t('verantwoording.language.usage')));
      await chooseLanguage(v, ui.userId, choice);
      await context.sendActivity(deps.translator.t(choice)('verantwoording.language.changed'));
    }],
  ];

  /**
   * A note or language choice while their erasure is unfinished: not stored (the erasure would
   * delete it after it was confirmed). Said so, with the erasure's own card to finish it now;
   * whether its resume job runs is not known here, so the card asks for the press.
   */
  const refusedWhileErasing = async (context: TurnContext, t: Translate) => {
    await context.sendActivity(t('verantwoording.erase.notSaved'));
    await postCard(context, erasureUnfinishedCard(t, { started: true, resumes: false }));
  };

  for (const [pattern, command] of commands) {
    app.message(
      async (context) => conversationKindOf(context) === 'personal' && isCommand(context.activity.text ?? '', pattern),
      async (context) => {
        const text = context.activity.text ?? '';
        const ui = { userId: actorOf(context).id, ...(await userT(deps, context, pattern === LANGUAGE_COMMAND ? wordLanguage(text) : undefined)) };
        // The colleague reads along: no overview, no note stored, no language changed; the help too
        // names this chat as the person's own. Only the way to their own chat with the bot.
        if (inChatWithColleague(context)) return void (await postCard(context, ownChatPointer(ui.t)));
        const rest = afterCommand(text, pattern);
        try {
          await command(context, ui, rest);
        } catch (err) {
          if (!isDomainError(err)) throw err;
          deps.logger.info({ code: err.code, detail: err.detail }, 'verantwoording command refused');
          if (err.code === 'erasureUnderway') return void (await refusedWhileErasing(context, ui.t));
          await postCard(context, errorCard({ code: err.code, params: err.params, place: 'verantwoording' }, ui.t));
        }
      },
    );
  }

  app.activity(
    // The greeting calls the chat the person's own: only in their own chat with the bot.
    async (context) => inOwnChatWithBot(context) && botWasAdded(context),
    async (context) => void (await postCard(context, helpCard((await userT(deps, context)).t, 'personal'))),
  );
}
