import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/config';
import { stoppedBy } from '../ai/azure-openai-client';
import { BusinessEvents, noBusinessEvents } from '../domain/shared/business-events';
import { Clock, systemClock } from '../domain/shared/clock';
import { loadFrameworks } from '../framework/load-frameworks';
import { createTranslator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import { CosmosJobScheduler } from '../scheduling/cosmos-job-scheduler';
import { connectCosmos, CosmosConnection } from '../store/cosmos-connection';
import { RetryPauses, setRetryPauses } from '../store/document-store';
import { containerTtl, RetentionSweeper } from '../store/retention';
import { CosmosGroupRepository } from '../store/week-cycle.repositories';
import { CosmosPersonalRecordRepository } from '../store/verantwoording.repositories';
import { knownLanguage, OwnTurnLanguageDeps, preferencesOnOwnTurn, preferredLanguage } from '../usecases/verantwoording/preferences';
import { groupIdFor } from '../usecases/week-cycle/set-up-group';
import { actorOf, conversationKindOf, groupConversationId, teamsLocale } from '../teams/turn';
import { migrateToGroupPartition } from '../store/migrations/group-partition.migration';
import { keyRememberedChats } from '../store/migrations/keyed-personal-conversations.migration';
import { BackgroundTasks } from '../teams/background-tasks';
import { createBotApp } from '../teams/bot-app';
import { TeamsMessenger } from '../teams/messenger';
import { Outbox } from '../outbox/outbox';
import { TeamsRateLimiter } from '../outbox/rate-limiter';
import { SenderOptions } from '../outbox/sender-options';
import { BotConnectorClient, TokenProvider } from '../teams/connector/bot-connector.client';
import { connectorTokenProvider } from '../teams/connector/connector-token';
import { createServer } from '../teams/server';
import { localModeHostNames } from '../teams/this-machine-only';
import { SharedCardUpdates } from '../teams/shared-card-updates';
import { composeFeatures } from './features';
import { Platform } from './platform';
import { WindowClock } from '../usecases/verantwoording/window-clock';

export interface ComposeOptions {
  logger: Logger;
  clock?: Clock;
  /** A connection made by the caller (tests); otherwise one is made from config. */
  cosmos?: CosmosConnection;
  /** Tests drive the scheduler by hand. */
  startScheduler?: boolean;
  /** Business events for telemetry; none by default. */
  events?: BusinessEvents;
  /** Least time between two updates of one shared card; tests widen it to make a burst's pacing certain. */
  sharedCardIntervalMs?: number;
  /** From how long a shared card update's landing is looked at again (OVERTAKE_CHECK_MS otherwise); tests of the check pass 0. */
  sharedCardOvertakeCheckMs?: number;
  /**
   * The outbox's retry back-off, and how long a turn waits for a message it needs the id of;
   * tests shorten them so a retried send is not waited out for seconds.
   */
  outboxTimings?: Pick<SenderOptions, 'backoffBaseMs' | 'backoffCapMs' | 'guardedRetryMs'> & { deliverWaitMs?: number };
  /** How long one AI draft may take in all; tests shorten it (DRAFT_BUDGET_MS otherwise). */
  draftBudgetMs?: number;
  /** How long a prep card in someone's turn waits for a new AI summary; tests shorten it (PREP_SUMMARY_WAIT_MS otherwise). */
  prepSummaryWaitMs?: number;
  /** How long one AI prep summary may take in all; tests shorten it (PREP_SUMMARY_BUDGET_MS otherwise). */
  prepSummaryBudgetMs?: number;
  /** Makes the Bot Connector client; tests pass one that notes when each call leaves. */
  connectorClient?: (token: TokenProvider) => BotConnectorClient;
  /** The store's pauses between tries (DEFAULT_RETRY_PAUSES otherwise); tests of outages shorten them. */
  storeRetryPauses?: RetryPauses;
  /** The save window of a person's own records against their erasure (SAVE_WINDOW_MS otherwise); tests shorten it. */
  saveWindowMs?: number;
  /** The clock that save window is measured by (the process's own otherwise); tests pass one they move. */
  windowClock?: WindowClock;
  /** How long an answer keeps trying to fold itself into a contended poll tally (TALLY_WRITE_BUDGET_MS otherwise); tests that only need a busy tally shorten it. */
  tallyWriteBudgetMs?: number;
}

/** How often the embedded store's expired documents are removed. */
const RETENTION_SWEEP_MS = 60 * 60_000;

export interface RunningApp {
  url: string;
  /** Applies the retention rules to the embedded store (in Azure, Cosmos DB's TTL does it). */
  retention: RetentionSweeper;
  /** Shared-card updates that follow members' actions; tests wait for them with `idle()`. */
  sharedCards: SharedCardUpdates;
  scheduler: CosmosJobScheduler;
  outbox: Outbox;
  background: BackgroundTasks;
  /** Forgets what this instance remembers of groups' weeks, as an instance that just started (tests). */
  forgetHints(): void;
  stop(): Promise<void>;
}

/** The one composition root: the shared adapters are built here, then every feature composes itself. */
export async function startApp(config: AppConfig, options: ComposeOptions): Promise<RunningApp> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const frameworks = loadFrameworks(config.framework);
  const ttl = containerTtl(config.retention);
  const cosmos = options.cosmos ?? (await connectCosmos(config.cosmos, logger, ttl));
  if (options.storeRetryPauses) setRetryPauses(cosmos.database, options.storeRetryPauses);
  await migrateToGroupPartition(cosmos, logger, clock.now());
  if (config.bot.mode === 'local') logger.warn('MICROSOFT_APP_ID is not set: running in local mode without bot authentication (Agents Playground, tests)');

  const { adapter, app } = createBotApp(config, logger);
  const translator = createTranslator();
  const background = new BackgroundTasks(logger);
  const server = createServer(adapter, app, logger, config.bot.mode === 'local' ? { hostNames: localModeHostNames(config.host) } : {});
  const scheduler = new CosmosJobScheduler(cosmos, clock, logger);
  const connector = (options.connectorClient ?? ((token: TokenProvider) => new BotConnectorClient(token)))(connectorTokenProvider(adapter, config.bot));
  const limits = config.pulsePoll.outbox;
  // The outbox keeps real time (rate limits, Retry-After), also when tests fake the domain clock.
  const outbox = new Outbox(cosmos, connector, new TeamsRateLimiter({ tenantPerSecond: limits.tenantPerSecond, conversationPerSecond: limits.conversationPerSecond }), logger, {
    concurrency: limits.concurrency,
    ...options.outboxTimings,
    events: options.events ?? noBusinessEvents,
  });
  // What an erasure leaves of a card is kept under an id keyed with the app's secret (found in review, stop 58).
  if (config.pulsePoll.hashKey) outbox.store.keyErasedKeysWith(config.pulsePoll.hashKey);
  // And every private message's key, so an ended one names nobody (found in review, stop 62). Without the secret (local runs) keys stay plain.
  if (config.pulsePoll.hashKey) outbox.keyPrivateMessagesWith(config.pulsePoll.hashKey);
  // Only with the secret: keyed with a process's random one (local runs), a moved chat is found by no later process.
  if (config.pulsePoll.hashKey) await keyRememberedChats(cosmos, outbox.store, logger, clock.now());
  const groups = new CosmosGroupRepository(cosmos);
  const personalRecords = new CosmosPersonalRecordRepository(cosmos);
  // Counted in the outbox's windows per chat and held by its pauses: Teams limits a chat whoever calls.
  const sharedCards = new SharedCardUpdates(connector, logger, { minIntervalMs: options.sharedCardIntervalMs, overtakeCheckMs: options.sharedCardOvertakeCheckMs, limiter: outbox.limiter });
  const messenger = new TeamsMessenger(outbox);
  const ownLanguages: OwnTurnLanguageDeps = { records: personalRecords, clock, defaultLanguage: config.defaultLanguage, saveWindowMs: options.saveWindowMs, windowClock: options.windowClock };
  // Texts sent to a person outside their turns: their choice, else their Teams client's as their own turns kept it.
  const personalLanguage = (userId: string) => knownLanguage(ownLanguages, userId).catch(() => undefined);
  // Ended first thing in `stop()`: every AI call of this app ends then (see `stoppedBy`).
  const aiCalls = new AbortController();
  const platform: Platform = {
    config: { ...config, ai: stoppedBy(config.ai, aiCalls.signal) },
    logger,
    clock,
    cosmos,
    scheduler,
    app,
    adapter,
    server,
    translator,
    background,
    frameworks,
    events: options.events ?? noBusinessEvents,
    outbox,
    connector,
    draftBudgetMs: options.draftBudgetMs,
    prepSummaryWaitMs: options.prepSummaryWaitMs,
    prepSummaryBudgetMs: options.prepSummaryBudgetMs,
    saveWindowMs: options.saveWindowMs,
    windowClock: options.windowClock,
    tallyWriteBudgetMs: options.tallyWriteBudgetMs,
    messenger,
    personalLanguage,
    actions: {
      toActorPrivately: (context, card) => messenger.toActor(context, card),
      ownChatLanguage: (context) => preferredLanguage(ownLanguages, actorOf(context).id).catch(() => undefined),
      defaultLanguage: config.defaultLanguage,
      logger,
      translator,
      sharedCards,
      localeFor: async (context, data) => {
        // A group's texts are in the group's language: the group the action names, else the group
        // of this chat or channel (the setup form and typed commands name none). In the 1:1 chat,
        // the person's own choice ("taal en"). Only when nothing is stored does the input itself
        // count (the language chosen on the setup form, an English command word); then, in the
        // 1:1 chat, the language of the person's Teams client, as the manifest and the tab follow
        // it (and kept from this turn for the texts sent to them later; the one kept before when
        // the activity tells none), and in a shared chat the organisation's (DEFAULT_LANGUAGE), as
        // its welcome and setup form speak until the group chooses: one member's client does not
        // choose for all, and one chat never mixes two languages.
        // A failed read of the group is not "no group": it rejects, so each caller falls back as
        // fits whom its card goes to (a card for the presser alone: their Teams client's language).
        const personal = conversationKindOf(context) === 'personal';
        const named = typeof data.groupId === 'string' ? data.groupId : undefined;
        const groupId = named ?? (personal ? undefined : groupIdFor(groupConversationId(context)));
        const group = groupId ? await groups.get(groupId) : undefined;
        if (group) return group.language;
        const own = personal ? await preferencesOnOwnTurn(ownLanguages, actorOf(context).id, teamsLocale(context)).catch(() => undefined) : undefined;
        if (own?.language) return own.language;
        if (data.language === 'nl' || data.language === 'en') return data.language;
        return (personal ? (teamsLocale(context) ?? own?.clientLanguage) : undefined) ?? config.defaultLanguage;
      },
    },
  };
  const { weekCycle } = composeFeatures(platform);

  // Local mode listens on 127.0.0.1 only (config.host); with bot authentication, on every interface.
  await new Promise<void>((resolve) => (config.host ? server.listen(config.port, config.host, resolve) : server.listen(config.port, resolve)));
  const port = (server.address() as AddressInfo).port;
  // The embedded store has no time-to-live of its own: the app applies the retention rules to it.
  const retention = new RetentionSweeper(cosmos, ttl, logger);
  let retentionTimer: NodeJS.Timeout | undefined;
  if (options.startScheduler !== false) {
    scheduler.start(config.scheduler.intervalMs);
    outbox.start();
    if (config.cosmos.mode === 'embedded' && !options.cosmos) {
      const sweep = () => void retention.sweep(new Date()).catch((err) => logger.warn({ err: (err as Error).message }, 'retention sweep failed'));
      retentionTimer = setInterval(sweep, RETENTION_SWEEP_MS);
      retentionTimer.unref();
    }
  }
  logger.info({ port, host: config.host ?? 'all interfaces' }, 'Lerend Werken is listening');

  return {
    url: `http://127.0.0.1:${port}`,
    sharedCards,
    scheduler,
    outbox,
    background,
    retention,
    forgetHints: () => weekCycle.currentCycles.clear(),
    stop: async () => {
      // AI calls first: one may run for its budget (a draft 105 s, a summary 60 s), longer than a
      // shutdown may take, and the turns and background work below wait for it. A draft ended so
      // is stored as failed (the group can ask again, on the next instance too); a prep summary is
      // simply not stored.
      aiCalls.abort();
      if (retentionTimer) clearInterval(retentionTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await background.idle();
      await sharedCards.idle();
      await outbox.stop();
      connector.close();
      if (!options.cosmos) await cosmos.close();
    },
  };
}
