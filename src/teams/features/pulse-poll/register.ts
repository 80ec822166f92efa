import { Application, TurnState } from '../../teams-ai';
import { Outbox } from '../../../outbox/outbox';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { registerPollCardActions } from './card-handlers';
import { registerPollCommands } from './commands';
import { registerInstallRegistry } from './install-registry';
import { registerPollJobs } from './jobs';
import { PulseTeamsDeps } from './pulse-deps';

/** B3-spiegel pulse polls in Teams: the install registry, commands, card actions, jobs and outbox hooks. */
export function registerPulsePoll(app: Application<TurnState>, scheduler: CosmosJobScheduler, outbox: Outbox, deps: PulseTeamsDeps): void {
  registerInstallRegistry(app, deps);
  registerPollCommands(app, deps);
  registerPollCardActions(app, deps);
  registerPollJobs(scheduler, outbox, deps);
}
