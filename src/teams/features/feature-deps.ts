import { Translator } from '../../i18n/i18n';
import type { Logger } from '../../log/logger';
import { WeekCycleDeps } from '../../usecases/week-cycle/deps';
import { BackgroundTasks } from '../background-tasks';
import { CardActionContext } from '../card-actions';
import { Outbox } from '../../outbox/outbox';
import { TeamsMessenger } from '../messenger';

/** What the Teams features need; built once in the composition root. */
export interface FeatureDeps {
  weekCycle: WeekCycleDeps;
  translator: Translator;
  logger: Logger;
  messenger: TeamsMessenger;
  /** Where messages built when sent get their renderers (a session's summary). */
  outbox: Outbox;
  background: BackgroundTasks;
  actions: CardActionContext;
  defaultLanguage: 'nl' | 'en';
  /** What a private message to a person is written in: the language they chose, else their Teams client's as their own turns kept it. */
  personalLanguage: (userId: string) => Promise<'nl' | 'en' | undefined>;
  /** The organisation's time zone (ORG_TIME_ZONE): a new group's until it picks its own. */
  timeZone: string;
}
