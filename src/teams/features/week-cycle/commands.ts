import { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { Application, TurnState } from '../../teams-ai';
import { Group } from '../../../domain/week-cycle/group';
import { isDomainError } from '../../../domain/shared/errors';

import { changeLanguage, groupIdFor } from '../../../usecases/week-cycle/set-up-group';
import { startCycle } from '../../../usecases/week-cycle/start-cycle';
import { postCard } from '../../card-response';
import { errorCard } from '../../cards/error.card';
import { helpCard } from '../../cards/help.card';
import { welcomeBackCard, welcomeCard } from '../../cards/welcome.card';
import { actorOf, botWasAdded, conversationKindOf, groupConversationId } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { afterCommand, isCommand, LANGUAGE_COMMAND, languageChoice, namedLanguage } from '../language-command';
import { cycleCardFor } from './cycle.handlers';
import { setupCardFor } from './group-setup.handlers';
import { redrawOpenSession } from './open-session-redraw';
import { chatActorOf } from './roster';
import { SessionPresenter } from './session-presenter';
import { openNextSession } from './session.handlers';

type GroupCommand = (context: TurnContext, group: Group, arg: string) => Promise<void>;

/** Text commands in a group chat or channel (the @mention is already removed by teams-ai). */
export function registerGroupCommands(app: Application<TurnState>, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;
  const t = (group?: Group, context?: TurnContext) => deps.translator.t(group?.language ?? deps.defaultLanguage);

  /** `pattern`: the command's, to give it the words after its command word (and separator), as they show. */
  const withGroup = (command: GroupCommand, pattern?: RegExp) => async (context: TurnContext) => {
    const group = await wc.groups.get(groupIdFor(groupConversationId(context)));
    if (group) wc.currentCycles.note(group);
    try {
      if (!group) {
        // The setup form is drawn in the language the command names or is worded in, with it
        // chosen; nothing is stored until the group saves.
        await postCard(context, await setupCardFor(deps, context, undefined, namedLanguage(context.activity.text ?? '')));
        return;
      }
      await command(context, group, pattern ? afterCommand(context.activity.text ?? '', pattern) : '');
    } catch (err) {
      if (!isDomainError(err)) throw err;
      await postCard(context, errorCard(err, t(group, context)));
    }
  };

  const commands: [RegExp, GroupCommand][] = [
    [/^\s*(groep|group|setup|instellen)\b/i, async (context) => void (await postCard(context, await setupCardFor(deps, context)))],
    [/^\s*(nieuwe cyclus|new cycle)\b/i, async (context, group) => {
      await startCycle(wc, group.id, chatActorOf(context, deps.logger));
      await postCard(context, await cycleCardFor(deps, group.id));
    }],
    // Read-only: the week, and whether a session is running (with a button to bring its card down).
    [/^\s*(status|agenda)\b/i, async (context, group) => {
      await postCard(context, await cycleCardFor(deps, group));
    }],
    [LANGUAGE_COMMAND, async (context, group, arg) => {
      const choice = languageChoice(arg);
      if (!choice) return void (await context.sendActivity(t(group)('language.usage')));
      const updated = await changeLanguage(wc, group.id, choice, actorOf(context));
      await context.sendActivity(t(updated)('language.changed'));
      await redrawOpenSession(deps, presenter, updated, 'language changed');
    }],
  ];

  /** Opens the next session, or shows the open one; the command names no week, `cycleId` is the group's. */
  const start = async (context: TurnContext, groupId: string, cycleId: string | undefined) => {
    const { result, language } = await openNextSession(deps, presenter, context, groupId, { repost: true, cycleId });
    if (result === 'openedWithoutCard') await context.sendActivity(deps.translator.t(language)('session.openedWithoutCard'));
  };
  const startWithGroup = withGroup((context, group) => start(context, group.id, group.currentCycleId));

  // `start` skips reading the group when this instance knows its week: the one query of the
  // opening reads the group with it and checks the week. Refused there (no group any more, not a
  // member), nothing was stored: the command runs again the usual way, for the answer in the
  // group's language.
  app.message(
    async (context) => conversationKindOf(context) !== 'personal' && isCommand(context.activity.text ?? '', /^\s*start\b/i),
    async (context) => {
      const groupId = groupIdFor(groupConversationId(context));
      const cycleId = wc.currentCycles.get(groupId);
      if (cycleId) {
        try {
          return await start(context, groupId, cycleId);
        } catch (err) {
          if (!isDomainError(err)) throw err;
        }
      }
      await startWithGroup(context);
    },
  );
  for (const [pattern, command] of commands) {
    app.message(async (context) => conversationKindOf(context) !== 'personal' && isCommand(context.activity.text ?? '', pattern), withGroup(command, pattern));
  }
  // The personal chat's help and greeting belong to Mijn verantwoording, which knows the person's language.
  app.message(
    async (context) => conversationKindOf(context) !== 'personal' && isCommand(context.activity.text ?? '', /^\s*help\b/i),
    async (context) => {
      const group = await wc.groups.get(groupIdFor(groupConversationId(context)));
      await postCard(context, helpCard(t(group ?? undefined, context), 'group'));
    },
  );
  app.activity(
    async (context) => conversationKindOf(context) !== 'personal' && botWasAdded(context),
    async (context) => {
      // Added back to a chat whose group it kept (see chat-members.handlers): that group goes on.
      const group = await wc.groups.get(groupIdFor(groupConversationId(context)));
      const card = group ? welcomeBackCard(group.name, t(group, context)) : welcomeCard(t(undefined, context), wc.drafter.enabled);
      // Through the outbox, keyed by the install's activity: Teams delivering the same
      // conversationUpdate again (its first answer came late) finds the greeting sent, or queued, already.
      const conversationId = groupConversationId(context);
      const ref = TurnContext.getConversationReference(context.activity);
      const chatRef = { ...ref, conversation: { ...ref.conversation, id: conversationId } } as unknown as Record<string, unknown>;
      await deps.messenger.post(chatRef, card, { key: `greeting:${conversationId}:${context.activity.id ?? randomUUID()}` });
    },
  );
}
