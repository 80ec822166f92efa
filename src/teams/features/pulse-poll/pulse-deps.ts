import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { Instruments } from '../../../pulse-poll/load-instruments';
import { PulsePollDeps } from '../../../usecases/pulse-poll/deps';
import { BackgroundTasks } from '../../background-tasks';
import { CardActionContext } from '../../card-actions';
import { TeamsMessenger } from '../../messenger';
import { TeamsPollNotifier } from './teams-poll-notifier';
import { TeamsRoster } from './teams-roster';

/** What the poll feature's Teams handlers need. */
export interface PulseTeamsDeps {
  pulse: PulsePollDeps;
  notifier: TeamsPollNotifier;
  roster: TeamsRoster;
  instruments: Instruments;
  translator: Translator;
  logger: Logger;
  background: BackgroundTasks;
  actions: CardActionContext;
  /** Messages that must go out once whichever delivery of a command sends them (outbox keys). */
  messenger: TeamsMessenger;
  defaultLanguage: 'nl' | 'en';
}
