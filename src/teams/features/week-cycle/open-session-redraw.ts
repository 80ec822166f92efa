import { Group } from '../../../domain/week-cycle/group';
import { FeatureDeps } from '../feature-deps';
import { SessionPresenter } from './session-presenter';

/**
 * The open session's shared card is in the chat for everyone (and the only view on the
 * Action.Submit fallback): after a change to what it shows of the group (its language, its name,
 * by "taal" or the setup form) it is drawn again, not left as it was until the group's next step.
 * The change is stored already: a failed redraw is logged, and the next step or refresh brings
 * the card along. `after` names the change in that log line.
 */
export async function redrawOpenSession(deps: FeatureDeps, presenter: SessionPresenter, group: Group, after: string): Promise<void> {
  try {
    const state = group.currentCycleId ? await deps.weekCycle.sessions.loadCycle(group.id, group.currentCycleId) : undefined;
    const open = state && !state.cycle.completedAt ? state.sessions.find((s) => s.status === 'open') : undefined;
    if (open) await presenter.pushShared(group.id, open.id);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message, after }, 'the open session card could not be redrawn');
  }
}
