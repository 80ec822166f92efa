import { Application, TurnState } from '../../teams-ai';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { FeatureDeps } from '../feature-deps';
import { registerChatMembers } from './chat-members.handlers';
import { registerGroupCommands } from './commands';
import { registerCycle } from './cycle.handlers';
import { registerGroupSetup } from './group-setup.handlers';
import { registerSessionJobs } from './jobs';
import { registerPlan } from './plan.handlers';
import { SessionPresenter } from './session-presenter';
import { registerSession } from './session.handlers';

/** The Vitale Weekcyclus in Teams: setup, cycles, sessions, their commands and scheduled jobs. */
export function registerWeekCycle(app: Application<TurnState>, scheduler: CosmosJobScheduler, deps: FeatureDeps): void {
  const presenter = new SessionPresenter(deps);
  registerGroupSetup(app, deps, presenter);
  registerChatMembers(app, deps);
  registerCycle(app, deps);
  registerPlan(app, deps);
  registerSession(app, deps, presenter);
  registerGroupCommands(app, deps, presenter);
  registerSessionJobs(scheduler, deps, presenter);
}
