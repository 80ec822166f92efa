import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { HalfYearRoute } from '../../../domain/hr-report/half-year';
import type { Logger } from '../../../log/logger';
import { botWasAdded, tenantOf } from '../../turn';

export interface HalfYearStartDeps {
  scheduleHalfYear(tenantId: string, route: HalfYearRoute): Promise<unknown>;
  logger: Logger;
}

/**
 * Schedules the tenant's next half-yearly moment from this turn (a no-op once it is scheduled: the
 * job's id follows from tenant and moment). The route is the tenant's service URL, never a person's
 * chat. It never holds up the turn: a failure is logged, and the next start tries again.
 */
export async function keepHalfYearRhythm(context: TurnContext, deps: HalfYearStartDeps): Promise<void> {
  const tenantId = tenantOf(context);
  if (!tenantId || !context.activity.serviceUrl) return;
  const route = { serviceUrl: context.activity.serviceUrl, ...(context.activity.recipient?.id ? { botId: context.activity.recipient.id } : {}) };
  await deps.scheduleHalfYear(tenantId, route).catch((err: unknown) => deps.logger.warn({ err: (err as Error).message }, 'half-yearly moment not scheduled; the next start tries again'));
}

/**
 * The rhythm also starts when the app is added anywhere in a tenant (a team, a group chat, a
 * person's own chat), so an organisation whose HR never typed `jaarplan` is reminded too. A
 * beforeTurn hook, as the install registry: teams-ai runs only the first matching route, and the
 * welcome card answers the same conversationUpdate. Rare turns: three requests each.
 */
export function registerHalfYearStartOnInstall(app: Application<TurnState>, deps: HalfYearStartDeps): void {
  app.turn('beforeTurn', async (context) => {
    if (botWasAdded(context)) await keepHalfYearRhythm(context, deps);
    return true;
  });
}
