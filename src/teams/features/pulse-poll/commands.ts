import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { parsePollCommand, parseStartArgs } from '../../../domain/pulse-poll/poll-command';
import { isPollError, PollError } from '../../../domain/pulse-poll/poll-error';
import { Installation } from '../../../domain/pulse-poll/ports';
import { isHr, managesTeam, requireHr } from '../../../usecases/pulse-poll/access';
import { closePollNow } from '../../../usecases/pulse-poll/close-poll';
import { deliverPoll } from '../../../usecases/pulse-poll/deliver-poll';
import { latestPoll } from '../../../usecases/pulse-poll/poll-results';
import { startPoll } from '../../../usecases/pulse-poll/start-poll';
import { postCard } from '../../card-response';
import { pollErrorCard } from '../../cards/pulse/pulse-error.card';
import { displayDate } from '../../cards/pulse/pulse-format';
import { pollHelpCard } from '../../cards/pulse/pulse-help.card';
import { pollRestrictedCard } from '../../cards/pulse/pulse-restricted.card';
import { pollStartedCard } from '../../cards/pulse/pulse-started.card';
import { actorOf, conversationKindOf, tenantOf } from '../../turn';
import { PulseTeamsDeps } from './pulse-deps';

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

/**
 * "peiling start | status | sluiten | resultaten" (English: poll ...), in team channels and group
 * chats. Only HR may start, follow or close a poll; results go to HR, or to a team's manager for
 * that team. Thin: each command parses, calls a use case and answers with a card.
 */
export function registerPollCommands(app: Application<TurnState>, deps: PulseTeamsDeps): void {
  const t = deps.translator.t(deps.defaultLanguage);
  app.message(
    async (context) => conversationKindOf(context) !== 'personal' && parsePollCommand(context.activity.text ?? '') !== undefined,
    async (context) => {
      const command = parsePollCommand(context.activity.text ?? '')!;
      const actor = actorOf(context);
      const tenantId = tenantOf(context) ?? 'unknown-tenant';
      try {
        switch (command.kind) {
          case 'help':
            await postCard(context, pollHelpCard(t));
            return;
          case 'start': {
            await requireHr(deps.pulse, actor.id);
            const parsed = parseStartArgs(command.args);
            if (!parsed.ok) {
              await postCard(context, pollHelpCard(t, { kind: parsed.problem, words: parsed.words }));
              return;
            }
            const here = { team: await teamHere(context, deps, tenantId), conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl, botId: context.activity.recipient?.id };
            const { poll, generalInstead } = await startPoll(deps.pulse, { tenantId, actor, commandId: context.activity.id ?? `${Date.now()}`, here }, parsed.request);
            const pt = deps.translator.t(poll.language);
            await postCard(
              context,
              pollStartedCard(
                {
                  teams: poll.targets.map((x) => x.teamName),
                  closesLabel: displayDate(poll.closesOn, poll.language),
                  delivery: poll.delivery,
                  reminders: poll.reminders.map((r) => displayDate(r.slice(0, 10), poll.language)),
                  privateNudges: poll.privateNudges,
                  generalInstead,
                },
                pt,
              ),
            );
            deps.background.run('pulse.deliver', () => deliverPoll(deps.pulse, poll.id));
            return;
          }
          case 'status': {
            await requireHr(deps.pulse, actor.id);
            const poll = await latestPoll(deps.pulse, tenantId);
            await postCard(context, pollRestrictedCard({ kind: 'status', pollId: poll.id, refreshUserIds: actor.teamsId ? [actor.teamsId] : [] }, deps.translator.t(poll.language)));
            return;
          }
          case 'close': {
            await requireHr(deps.pulse, actor.id);
            const poll = await latestPoll(deps.pulse, tenantId, { open: true }).catch(() => undefined);
            if (!poll) throw new PollError('noPoll');
            const { closedNow } = await closePollNow(deps.pulse, poll.id, { userId: actor.id });
            await context.sendActivity(deps.translator.t(poll.language)(closedNow ? 'pulse.closedNow' : 'pulse.alreadyClosed'));
            return;
          }
          case 'results': {
            const teamId = (context.activity.channelData as TeamChannelData | undefined)?.team?.id;
            const hr = await isHr(deps.pulse, actor.id);
            const poll = await latestPoll(deps.pulse, tenantId, hr ? {} : { teamId: teamId ?? '-' }).catch(() => undefined);
            if (!hr) {
              const target = poll?.targets.find((x) => x.teamId === teamId);
              if (!target || !(await managesTeam(deps.pulse, actor.id, target))) throw new PollError('notHr');
            }
            if (!poll) throw new PollError('noPoll');
            await postCard(
              context,
              pollRestrictedCard({ kind: 'results', pollId: poll.id, teamId: hr ? undefined : teamId, refreshUserIds: actor.teamsId ? [actor.teamsId] : [] }, deps.translator.t(poll.language)),
            );
            return;
          }
        }
      } catch (err) {
        if (!isPollError(err)) throw err;
        deps.logger.info({ command: command.kind, code: err.code }, 'poll command refused');
        await postCard(context, pollErrorCard(err.code, err.params, t));
      }
    },
  );
}
