import { Application, TurnState } from '../../teams-ai';
import { registerVerantwoordingCommands } from './commands';
import { VerantwoordingFeatureDeps } from './deps';
import { registerVerantwoordingActions } from './handlers';
import { registerMessageExtension } from './message-extension';

/** Mijn verantwoording in Teams: personal-chat commands, their card actions and the message extension. */
export function registerVerantwoording(app: Application<TurnState>, deps: VerantwoordingFeatureDeps): void {
  registerVerantwoordingActions(app, deps);
  registerVerantwoordingCommands(app, deps);
  registerMessageExtension(app, deps);
}
