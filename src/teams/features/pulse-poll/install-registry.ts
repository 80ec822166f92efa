import { ActivityTypes, TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { recordInstallEvent, InstallEvent } from '../../../usecases/pulse-poll/installations';
import { withoutControlCharacters } from '../../../domain/shared/text';
import { tenantOf } from '../../turn';
import { PulseTeamsDeps } from './pulse-deps';

interface TeamChannelData {
  eventType?: string;
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string };
}

/**
 * What a conversationUpdate says about the app in a team: added, removed or renamed. The activity
 * passed the envelope check (activity-envelope.ts), so the team's fields are strings here.
 */
export function installEventOf(context: TurnContext): InstallEvent | undefined {
  const a = context.activity;
  const data = (a.channelData ?? {}) as TeamChannelData;
  const teamId = data.team?.id;
  const tenantId = tenantOf(context);
  if (a.type !== ActivityTypes.ConversationUpdate || !teamId || !tenantId) return undefined;
  const botId = a.recipient?.id;
  if (data.eventType === 'teamRenamed' && data.team?.name) return { kind: 'renamed', tenantId, teamId, name: data.team.name };
  if ((a.membersRemoved ?? []).some((m) => m.id === botId)) return { kind: 'removed', tenantId, teamId };
  if ((a.membersAdded ?? []).some((m) => m.id === botId)) {
    return {
      kind: 'added',
      installation: {
        tenantId,
        teamId,
        name: data.team?.name ?? '',
        aadGroupId: data.team?.aadGroupId,
        // The General channel's id is the team's id.
        generalChannelId: teamId,
        serviceUrl: a.serviceUrl,
        botId,
      },
    };
  }
  return undefined;
}

/**
 * Keeps the registry of teams the app is installed in. A beforeTurn hook, not a route: teams-ai
 * runs only the first matching route, and the week cycle's welcome card answers the same
 * conversationUpdate. The hook never stops the turn.
 */
export function registerInstallRegistry(app: Application<TurnState>, deps: PulseTeamsDeps): void {
  app.turn('beforeTurn', async (context) => {
    const event = installEventOf(context);
    if (!event) return true;
    try {
      if (event.kind === 'added' && (!event.installation.name || !event.installation.aadGroupId)) {
        const details = await deps.roster.details({ teamId: event.installation.teamId, serviceUrl: event.installation.serviceUrl, tenantId: event.installation.tenantId });
        // The connector's answer is stored as well: only strings go in.
        event.installation.name ||= typeof details?.name === 'string' ? withoutControlCharacters(details.name) : '';
        event.installation.aadGroupId ??= typeof details?.aadGroupId === 'string' ? details.aadGroupId : undefined;
      }
      await recordInstallEvent(deps.pulse, event);
      deps.logger.info({ event: event.kind }, 'team installation recorded');
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'could not record the team installation');
    }
    return true;
  });
}
