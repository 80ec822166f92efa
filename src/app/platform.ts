import type { Locale } from '../i18n/i18n';
import type restify from 'restify';
import type { Application, TeamsAdapter, TurnState } from '../teams/teams-ai';
import type { AppConfig } from '../config/config';
import type { BusinessEvents } from '../domain/shared/business-events';
import type { Clock } from '../domain/shared/clock';
import type { Frameworks } from '../framework/load-frameworks';
import type { Translator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import type { CosmosJobScheduler } from '../scheduling/cosmos-job-scheduler';
import type { Outbox } from '../outbox/outbox';
import type { CosmosConnection } from '../store/cosmos-connection';
import type { BotConnectorClient } from '../teams/connector/bot-connector.client';
import type { BackgroundTasks } from '../teams/background-tasks';
import type { CardActionContext } from '../teams/card-actions';
import type { TeamsMessenger } from '../teams/messenger';
import { WindowClock } from '../usecases/verantwoording/window-clock';

/**
 * What every feature is composed from: the shared adapters, built once in compose.ts. A feature
 * module (./features/*.feature.ts) builds its own repositories from these and registers its
 * handlers, jobs and routes.
 */
export interface Platform {
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  cosmos: CosmosConnection;
  scheduler: CosmosJobScheduler;
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  server: restify.Server;
  translator: Translator;
  messenger: TeamsMessenger;
  background: BackgroundTasks;
  actions: CardActionContext;
  /** The language of texts sent to a person outside their turns: chosen ("taal en" in their 1:1 chat), else their Teams client's as their own turns kept it; undefined when neither is known. */
  personalLanguage: (userId: string) => Promise<Locale | undefined>;
  frameworks: Frameworks;
  events: BusinessEvents;
  /** Every proactive message goes through it: durable, once, within Teams' rate limits. */
  outbox: Outbox;
  /** Plain Bot Connector calls (team rosters, channels) outside a turn. */
  connector: BotConnectorClient;
  /** How long one AI draft may take in all; tests shorten it (DRAFT_BUDGET_MS otherwise). */
  draftBudgetMs?: number;
  /** How long a prep card in someone's turn waits for a new AI summary; tests shorten it (PREP_SUMMARY_WAIT_MS otherwise). */
  prepSummaryWaitMs?: number;
  /** How long one AI prep summary may take in all; tests shorten it (PREP_SUMMARY_BUDGET_MS otherwise). */
  prepSummaryBudgetMs?: number;
  /** The save window of a person's own records against their erasure; tests shorten it (SAVE_WINDOW_MS otherwise, save-window.ts). */
  saveWindowMs?: number;
  /** The clock that save window is measured by (the process's own otherwise, window-clock.ts); tests pass one they move. */
  windowClock?: WindowClock;
  /** How long an answer keeps trying to fold itself into a contended poll tally; tests shorten it (TALLY_WRITE_BUDGET_MS otherwise). */
  tallyWriteBudgetMs?: number;
}
