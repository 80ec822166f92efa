import { createProposalDrafter } from '../../ai/azure-openai-proposal-drafter';
import { DRAFT_BUDGET_MS } from '../../domain/proposal/proposal';
import { CosmosMembershipIndex } from '../../store/membership-index.repository';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import {
  CosmosCycleRepository,
  CosmosGroupRepository,
  CosmosPersonalAnswerRepository,
  CosmosProposalRepository,
  CosmosSessionItemRepository,
  CosmosSessionRepository,
} from '../../store/week-cycle.repositories';
import { registerWeekCycle } from '../../teams/features/week-cycle/register';
import { holidayCalendar } from '../../domain/week-cycle/holidays';
import { CosmosPlanRepository } from '../../store/plan.repository';
import { ProfTrajectLookup, WeekCycleDeps } from '../../usecases/week-cycle/deps';
import { Platform } from '../platform';
import { OpeningLock } from '../../usecases/week-cycle/opening-lock';
import { CurrentCycleHints } from '../../usecases/week-cycle/current-cycles';

/**
 * The Vitale Weekcyclus: its repositories, the AI drafter, and its Teams handlers and jobs.
 * `sharingChanged` tells the talent review that a member changed an answer they share.
 */
export function composeWeekCycle(p: Platform, profTrajects: ProfTrajectLookup, sharingChanged?: WeekCycleDeps['sharingChanged']): WeekCycleDeps {
  const drafter = createProposalDrafter(p.config.ai, p.logger);
  if (!drafter.enabled) p.logger.warn('AI is off: AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are not set; groups write their own proposals');
  const weekCycle: WeekCycleDeps = {
    groups: new CosmosGroupRepository(p.cosmos),
    cycles: new CosmosCycleRepository(p.cosmos),
    sessions: new CosmosSessionRepository(p.cosmos),
    items: new CosmosSessionItemRepository(p.cosmos),
    proposals: new CosmosProposalRepository(p.cosmos),
    personalAnswers: new CosmosPersonalAnswerRepository(p.cosmos),
    membership: new CosmosMembershipIndex(p.cosmos),
    ownRecords: {
      records: new CosmosPersonalRecordRepository(p.cosmos),
      ...(p.saveWindowMs !== undefined ? { saveWindowMs: p.saveWindowMs } : {}),
      ...(p.windowClock ? { windowClock: p.windowClock } : {}),
    },
    frameworks: p.frameworks,
    drafter,
    scheduler: p.scheduler,
    clock: p.clock,
    session: p.config.session,
    draftBudgetMs: p.draftBudgetMs ?? DRAFT_BUDGET_MS,
    decisionQuorum: p.config.weekCycle.decisionQuorum,
    events: p.events,
    plans: new CosmosPlanRepository(p.cosmos),
    rhythm: { holidays: holidayCalendar(p.config.rhythm.holidayRegion), reminderMinutes: p.config.rhythm.reminderMinutes },
    profTrajects,
    openings: new OpeningLock(),
    currentCycles: new CurrentCycleHints(),
    ...(sharingChanged ? { sharingChanged } : {}),
  };
  registerWeekCycle(p.app, p.scheduler, {
    weekCycle,
    translator: p.translator,
    logger: p.logger,
    messenger: p.messenger,
    outbox: p.outbox,
    background: p.background,
    actions: p.actions,
    defaultLanguage: p.config.defaultLanguage,
    personalLanguage: p.personalLanguage,
    timeZone: p.config.orgTimeZone,
  });
  return weekCycle;
}
