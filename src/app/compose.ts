import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/config';
import { createProposalDrafter } from '../ai/azure-openai-proposal-drafter';
import { Clock, systemClock } from '../domain/shared/clock';
import { loadFrameworks } from '../framework/load-frameworks';
import { createTranslator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import { CosmosJobScheduler } from '../scheduling/cosmos-job-scheduler';
import { connectCosmos, CosmosConnection } from '../store/cosmos-connection';
import {
  CosmosCycleRepository,
  CosmosGroupRepository,
  CosmosPersonalAnswerRepository,
  CosmosProposalRepository,
  CosmosSessionRepository,
} from '../store/week-cycle.repositories';
import { WeekCycleDeps } from '../usecases/week-cycle/deps';
import { BackgroundTasks } from '../teams/background-tasks';
import { botAppIdOf, createBotApp } from '../teams/bot-app';
import { registerFallbacks } from '../teams/features/fallbacks';
import { FeatureDeps } from '../teams/features/feature-deps';
import { registerWeekCycle } from '../teams/features/week-cycle/register';
import { TeamsMessenger } from '../teams/messenger';
import { createServer } from '../teams/server';

export interface ComposeOptions {
  logger: Logger;
  clock?: Clock;
  /** A connection made by the caller (tests); otherwise one is made from config. */
  cosmos?: CosmosConnection;
  /** Tests drive the scheduler by hand. */
  startScheduler?: boolean;
}

export interface RunningApp {
  url: string;
  scheduler: CosmosJobScheduler;
  background: BackgroundTasks;
  stop(): Promise<void>;
}

/** The one composition root: every adapter is built and wired here, and nowhere else. */
export async function startApp(config: AppConfig, options: ComposeOptions): Promise<RunningApp> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const frameworks = loadFrameworks(config.framework);
  const cosmos = options.cosmos ?? (await connectCosmos(config.cosmos, logger));
  const drafter = createProposalDrafter(config.ai, logger);
  if (!drafter.enabled) logger.warn('AI is off: AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are not set; groups write their own proposals');
  if (config.bot.mode === 'local') logger.warn('MICROSOFT_APP_ID is not set: running in local mode without bot authentication (Agents Playground, tests)');

  const scheduler = new CosmosJobScheduler(cosmos, clock, logger);
  const weekCycle: WeekCycleDeps = {
    groups: new CosmosGroupRepository(cosmos),
    cycles: new CosmosCycleRepository(cosmos),
    sessions: new CosmosSessionRepository(cosmos),
    proposals: new CosmosProposalRepository(cosmos),
    personalAnswers: new CosmosPersonalAnswerRepository(cosmos),
    frameworks,
    drafter,
    scheduler,
    clock,
    session: config.session,
  };
  const { adapter, app } = createBotApp(config, logger);
  const translator = createTranslator();
  const background = new BackgroundTasks(logger);
  const deps: FeatureDeps = {
    weekCycle,
    translator,
    logger,
    messenger: new TeamsMessenger(adapter, botAppIdOf(config.bot)),
    background,
    defaultLanguage: config.defaultLanguage,
    actions: {
      logger,
      translator,
      localeFor: async (context, data) => {
        const groupId = typeof data.groupId === 'string' ? data.groupId : undefined;
        const group = groupId ? await weekCycle.groups.get(groupId).catch(() => undefined) : undefined;
        return group?.language ?? config.defaultLanguage;
      },
    },
  };
  registerWeekCycle(app, scheduler, deps);
  registerFallbacks(app, deps);

  const server = createServer(adapter, app, logger);
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const port = (server.address() as AddressInfo).port;
  if (options.startScheduler !== false) scheduler.start(config.scheduler.intervalMs);
  logger.info({ port }, 'Lerend Werken is listening');

  return {
    url: `http://127.0.0.1:${port}`,
    scheduler,
    background,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await background.idle();
      if (!options.cosmos) await cosmos.close();
    },
  };
}
