import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { parsePollCommand, parseStartArgs, POLL_VERBS } from '../../../domain/pulse-poll/poll-command';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { Installation } from '../../../domain/pulse-poll/ports';
import { localDate } from '../../../domain/pulse-poll/poll';
import { isHr, requireHr } from '../../../usecases/pulse-poll/access';
import { closePollNow } from '../../../usecases/pulse-poll/close-poll';
import { deliverPoll } from '../../../usecases/pulse-poll/deliver-poll';
import { latestPoll, latestPollNamed, resultsFor, teamPollNamed } from '../../../usecases/pulse-poll/poll-results';
import { pollStatus } from '../../../usecases/pulse-poll/poll-status';
import { startPoll } from '../../../usecases/pulse-poll/start-poll';
import { postCard } from '../../card-response';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { Translate } from '../../../i18n/i18n';
import { errorCard } from '../../cards/error.card';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { pollHelpCard } from '../../cards/pulse/pulse-help.card';
import { pollStartedCard } from '../../cards/pulse/pulse-started.card';
import { inChatWithColleague, inOwnChatWithBot, ownChatOnlyCard } from '../../own-chat';
import { actorOf, conversationKindOf, tenantOf } from '../../turn';
import { afterCommand, commandText } from '../language-command';
import { stableId } from '../../../domain/shared/ids';
import { channelTeamOf, inSharedOrPrivateChannel } from './card-handlers';
import { PulseTeamsDeps } from './pulse-deps';
import { resultsViewCard, statusCard } from './results-cards';

interface TeamChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
}

/** The team this channel belongs to, as far as the activity (or Teams, when asked) tells. */
async function teamHere(context: TurnContext, deps: PulseTeamsDeps, tenantId: string): Promise<Omit<Installation, 'id' | 'installed'> | undefined> {
  const team = (context.activity.channelData as TeamChannelData | undefined)?.team;
  if (!team?.id) return undefined;
  const known = await deps.pulse.installations.get(tenantId, team.id);
  let name = team.name ?? known?.name;
  let aadGroupId = team.aadGroupId ?? known?.aadGroupId;
  if (!name || !aadGroupId) {
    const details = await deps.roster.details({ teamId: team.id, serviceUrl: context.activity.serviceUrl, tenantId });
    name ||= details?.name;
    aadGroupId ??= details?.aadGroupId;
  }
  return {
    tenantId,
    teamId: team.id,
    name: name ?? team.id,
    aadGroupId,
    generalChannelId: known?.generalChannelId ?? team.id,
    serviceUrl: context.activity.serviceUrl,
    botId: context.activity.recipient?.id,
  };
}

/** A start refused for its starter's erasure, or for a store too slow to keep to its save window, is said as a start (error.card.ts). */
function refusalCard(command: string, err: DomainError, t: Translate): AdaptiveCardJson {
  return errorCard(command === 'start' ? { ...err, code: err.code, params: err.params, place: 'pollStart' } : err, t);
}

/** The language the command word itself is in: a hint for when no language is stored for the chat or person. */
function commandLanguage(text: string): 'nl' | 'en' {
  return /^\s*poll\b/i.test(text) ? 'en' : 'nl';
}

/** "peiling" (or "poll") and the verb after it. */
const POLL_VERB = /^\s*(?:peiling|poll)\b\s*\S*/i;

/**
 * "peiling" and a verb it knows, with the gap after it: read first, so that a zero-width space as
 * the only gap between the verb and a team's name ("peiling status\u200BNoord") separates them, as
 * between "peiling" and its verb (stop 58; it read as the unknown verb "statusNoord", so help).
 */
/** Spaces and zero-width characters at the start of the words after the verb. */
const LEADING_GAPS = /^[\s\u200B-\u200D\u2060\uFEFF]+/;

const KNOWN_POLL_VERB = new RegExp(`^\\s*(?:peiling|poll)\\b\\s*(?:${POLL_VERBS.join('|')})(?:\\s+|$)`, 'i');

/**
 * The command with "peiling" and its verb read as they show: a zero-width space pasted before or
 * inside them, or as the only gap between them, must not make it something the bot does not
 * understand (see `commandText`). What follows (a team's name, a start's words) is kept as typed:
 * a team called with an emoji keeps the joiners the team's own name has.
 */
function pollText(typed: string): string {
  const pattern = KNOWN_POLL_VERB.test(commandText(typed, KNOWN_POLL_VERB)) ? KNOWN_POLL_VERB : POLL_VERB;
  const verb = pattern.exec(commandText(typed, pattern));
  // A zero-width space left at the start of what follows ("peiling status\u200B", "peiling status
  // \u200BNoord") is no part of a team's name: it read as the verb "status\u200B" (help) or the
  // team "\u200BNoord" (found reviewing this, stop 58).
  // (Only after a known verb, whose match took the gap after it: an unknown one keeps its own.)
  const rest = afterCommand(typed, pattern);
  return verb ? `${verb[0]}${pattern === KNOWN_POLL_VERB ? rest.replace(LEADING_GAPS, '') : rest}` : typed;
}

/**
 * "peiling start | status | sluiten | resultaten | help" (English: poll ...), in team channels,
 * group chats and HR's own 1:1 chat with the bot; in a 1:1 chat with a colleague (which Teams calls
 * "personal" too) only where to go. Only HR may start, follow or close a poll.
 * Results exist once a poll has closed: HR sees every team (at once in their own chat; in a shared
 * place behind a card only the asker's Teams opens), and in a team's channel anyone sees that
 * team's own results. While a poll is open, the answer is its response and the days left.
 * Thin: each command parses, calls a use case and answers with a card.
 */
export function registerPollCommands(app: Application<TurnState>, deps: PulseTeamsDeps): void {
  /**
   * HR's progress or status, every team's response in it: in HR's own chat with the bot or a team's own
   * channel (which gets that team's only) it answers there; in a group chat, or a shared or private
   * channel, where others than one team read along, it goes to HR's personal chat and the chat or
   * channel hears only where to find it.
   */
  const answerHr = async (context: TurnContext, card: AdaptiveCardJson, t: Translate): Promise<void> => {
    const othersReadAlong = conversationKindOf(context) === 'groupChat' || inSharedOrPrivateChannel(context);
    if (!othersReadAlong) return void (await postCard(context, card));
    await deps.messenger.toActor(context, card);
    await context.sendActivity(t(inSharedOrPrivateChannel(context) ? 'pulse.progress.sentPrivatelyFromChannel' : 'pulse.progress.sentPrivately'));
  };
  app.message(
    async (context) => parsePollCommand(pollText(context.activity.text ?? '')) !== undefined,
    async (context) => {
      const command = parsePollCommand(pollText(context.activity.text ?? ''))!;
      // Per turn: HR's own choice in their 1:1 chat, the group's language in a set-up chat or
      // channel; with nothing stored, the command word they typed ("poll" or "peiling").
      const language = await deps.actions.localeFor(context, { language: commandLanguage(pollText(context.activity.text ?? '')) }).catch(() => deps.defaultLanguage);
      const t = deps.translator.t(language);
      // A 1:1 chat with a colleague is no one's own: every team's figures, a poll started or closed
      // from there, would be the colleague's to read (or their chat taken for HR's). Only where to go;
      // nothing read or stored. The help too, though it names no poll: it is HR's, and where a poll
      // command works is the asker's own chat (or a team's channel or group chat), never this one.
      if (inChatWithColleague(context)) return void (await postCard(context, ownChatOnlyCard(t)));
      const actor = actorOf(context);
      const tenantId = tenantOf(context) ?? 'unknown-tenant';
      try {
        switch (command.kind) {
          case 'help':
            await postCard(context, pollHelpCard(t));
            return;
          case 'start': {
            await requireHr(deps.pulse, actor.id);
            const parsed = parseStartArgs(command.args, localDate(deps.pulse.clock.now(), deps.pulse.timeZone));
            if (!parsed.ok) {
              await postCard(context, pollHelpCard(t, { kind: parsed.problem, words: parsed.words }));
              return;
            }
            const here = { team: await teamHere(context, deps, tenantId), conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl, botId: context.activity.recipient?.id, language };
            const { poll, generalInstead } = await startPoll(deps.pulse, { tenantId, actor, commandId: context.activity.id ?? `${Date.now()}`, here }, parsed.request);
            // Through the outbox under the poll's key: every delivery of the command (Teams
            // redelivers one it got no timely answer for) asks, and the card goes out once, also
            // when the delivery that stored the poll stopped before it got the card out.
            const started = pollStartedCard(
              {
                teams: poll.targets.map((x) => x.teamName),
                closesLabel: displayDate(poll.closesOn, language),
                delivery: poll.delivery,
                reminders: poll.reminders.map((r) => displayDate(localDate(new Date(r), deps.pulse.timeZone), language)),
                privateNudges: poll.privateNudges,
                generalInstead,
                language: poll.language,
                languageGiven: parsed.request.language !== undefined,
              },
              t,
            );
            // Typed in their 1:1 chat, the card goes there, about them: their erasure deletes it while it
            // waits, and once it ended it names nobody (`about` keys it, TeamsMessenger.post).
            const inTheirChat = inOwnChatWithBot(context);
            await deps.messenger.post(TurnContext.getConversationReference(context.activity) as Record<string, unknown>, started, { key: `pulse.started:${poll.id}`, ...(inTheirChat ? { about: [actor.id] } : {}) });
            // Teams too large to list are reported by the delivery job, which runs after this anyway.
            deps.background.run('pulse.deliver', async () => void (await deliverPoll(deps.pulse, poll.id)));
            return;
          }
          case 'status': {
            await requireHr(deps.pulse, actor.id);
            // In a team's own channel, as `resultaten`: that team's poll, and only its figures (the card
            // is posted openly there); every team's in HR's personal chat, where a shared or private
            // channel sends it (as a group chat does).
            const teamId = channelTeamOf(context);
            const { poll, teamId: named } = command.team ? await teamPollNamed(deps.pulse, tenantId, command.team) : { poll: await latestPoll(deps.pulse, tenantId, teamId ? { teamId } : {}), teamId: undefined };
            const place = teamId ? { onlyTeamId: named ?? teamId } : {};
            await answerHr(context, statusCard(deps, await pollStatus(deps.pulse, { userId: actor.id, tenantId }, poll.id, place), language), t);
            return;
          }
          case 'close': {
            await requireHr(deps.pulse, actor.id);
            // Closing is final. A shared or private channel is no team's own (Teams names its host
            // team, but others read along): a close typed there, with a team's name or without, would
            // fall to a poll HR may not have meant. It closes nothing; HR hears where to close it.
            if (inSharedOrPrivateChannel(context)) return void (await context.sendActivity(t('pulse.closeInOwnChannelOnly')));
            // In a team's own channel: that team's open poll, never another team's started later.
            // Elsewhere (HR's own chat): the latest open poll, as the help says. The same command
            // delivered again (Teams' activity id) finds the poll it closed.
            const teamId = channelTeamOf(context);
            const closeKey = context.activity.id ? stableId('pcc', tenantId, context.activity.id) : undefined;
            // A team named after the command ("peiling sluiten Zorgteam Noord"): that team's open poll, or
            // a refusal that lists the teams with one; never the latest poll of another team.
            const named = command.team;
            const poll = named
              ? await latestPollNamed(deps.pulse, tenantId, named, { open: true, wholeName: true, ...(closeKey ? { closedByCommand: closeKey } : {}) })
              : await latestPoll(deps.pulse, tenantId, { open: true, ...(closeKey ? { closedByCommand: closeKey } : {}), ...(teamId ? { teamId } : {}) }).catch(() => undefined);
            if (!poll) throw new DomainError('noPoll');
            const { poll: closed, closedNow: closedHere } = await closePollNow(deps.pulse, poll.id, { userId: actor.id, ...(closeKey ? { command: closeKey } : {}) });
            // Delivered again: answered as the first delivery was (its answer may not have arrived).
            const closedNow = closedHere || (closeKey !== undefined && closed.closedByCommand === closeKey);
            // Said to whoever closed it, in their language (the teams get the poll's).
            const how = closedAs({ ...closed, language });
            await context.sendActivity(closedNow ? t(how.by === 'hr' ? 'pulse.closedNowByHr' : 'pulse.closedNowByDate', { date: how.label }) : t('pulse.alreadyClosed'));
            return;
          }
          case 'results': {
            const teamId = channelTeamOf(context);
            const hr = await isHr(deps.pulse, actor.id);
            // A shared or private channel is no team's own: its people are pointed to their team's channel.
            if (!hr && inSharedOrPrivateChannel(context)) return void (await context.sendActivity(t('pulse.results.inOwnChannelOnly')));
            if (!hr && !teamId) throw new DomainError('notHr');
            // In a team's own channel: that team's poll, for HR too (another team's card is not for this
            // channel); HR elsewhere (a shared or private channel as a group chat): the team they name,
            // else the latest poll.
            const { poll, teamId: named } = hr && command.team ? await teamPollNamed(deps.pulse, tenantId, command.team) : { poll: await latestPoll(deps.pulse, tenantId, teamId ? { teamId } : {}), teamId: undefined };
            // Posted in a team's channel, HR's progress shows one team (that one, or the one named):
            // every member there reads it. Every team's progress is in HR's personal chat.
            const view = await resultsFor(deps.pulse, { userId: actor.id, tenantId }, poll.id, { teamId, ...(teamId ? { onlyTeamId: named ?? teamId } : {}) });
            const shared = inOwnChatWithBot(context) ? undefined : { askerTeamsId: actor.teamsId };
            const card = resultsViewCard(deps, view, shared, language);
            await (hr && view.kind === 'progress' ? answerHr(context, card, t) : postCard(context, card));
            return;
          }
        }
      } catch (err) {
        if (!isDomainError(err)) throw err;
        deps.logger.info({ command: command.kind, code: err.code }, 'poll command refused');
        await postCard(context, refusalCard(command.kind, err, t));
      }
    },
  );
}
