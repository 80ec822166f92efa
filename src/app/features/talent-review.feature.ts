import { randomBytes } from 'node:crypto';
import { createPrepSummarizer } from '../../ai/azure-openai-prep-summarizer';
import { holidayCalendar } from '../../domain/week-cycle/holidays';
import { ManagerDirectory } from '../../domain/directory/manager-directory';
import { TeamPulseSource, TeamsOfPerson } from '../../domain/talent-review/ports';
import { FileManagerDirectory, noManagerDirectory } from '../../directory/file-manager-directory';
import { indexReviewManagers } from '../../store/migrations/review-managers.migration';
import { CosmosPrepSummaryStore } from '../../store/prep-summary.repository';
import { CosmosPrepRefreshesOwed } from '../../store/prep-refresh-owed.repository';
import { CosmosPrepTeamChoiceRepository } from '../../store/prep-team-choices.repository';
import { CosmosReviewManagersIndex } from '../../store/review-managers.repository';
import { CosmosProposalToManagerRepository } from '../../store/proposal-to-manager.repository';
import { CosmosTalentReviewRepository } from '../../store/talent-review.repository';
import { CosmosTeamAccountRepository } from '../../store/team-account.repository';
import { CosmosReviewRequestRepository } from '../../store/review-request.repository';
import { outboxPrepCards } from '../../teams/features/talent-review/prep-cards';
import { registerTalentReview } from '../../teams/features/talent-review/register';
import { chatReviewNotices } from '../../teams/features/talent-review/review-notices';
import { knownLanguage } from '../../usecases/verantwoording/preferences';
import { TalentReviewDeps } from '../../usecases/talent-review/deps';
import { followSharing } from '../../usecases/talent-review/prep';
import { movePrepsToWorkingDays } from '../../usecases/talent-review/plan-review';
import { dropStalePrepSummary, PREP_SUMMARY_WAIT_MS } from '../../usecases/talent-review/prep-summary';
import { VerantwoordingDeps } from '../../usecases/verantwoording/deps';
import { Platform } from '../platform';

export interface TalentReviewSources {
  verantwoording: VerantwoordingDeps;
  /** Who manages whom; a Graph directory where one is configured, else the file or none. */
  directory?: ManagerDirectory;
  pulse: TeamPulseSource;
  /** The teams a report is in, from the installed teams' rosters (B3 block in Azure). */
  teams?: TeamsOfPerson;
}

/** Who manages whom: a Graph directory where one is configured, else the file, else nobody (said in the log). */
export function managerDirectoryFor(p: Platform, graph: ManagerDirectory | undefined): ManagerDirectory {
  const { directoryFile } = p.config.talentReview;
  if (!graph && !directoryFile) p.logger.warn('no manager directory: set DIRECTORY_FILE locally, or give the bot a Graph identity; prep cards are refused until then');
  return graph ?? (directoryFile ? new FileManagerDirectory(directoryFile) : noManagerDirectory);
}

/** Talentontwikkelgesprek prep cards: planning, prep on request, and the scheduled prep. */
export function composeTalentReview(p: Platform, sources: TalentReviewSources): TalentReviewDeps {
  const { prepDaysBefore } = p.config.talentReview;
  const directory = sources.directory ?? managerDirectoryFor(p, undefined);
  const reviews = new CosmosTalentReviewRepository(p.cosmos);
  const reviewManagers = new CosmosReviewManagersIndex(p.cosmos, p.clock);
  const deps: TalentReviewDeps = {
    reviews,
    reviewManagers,
    directory,
    verantwoording: sources.verantwoording,
    pulse: sources.pulse,
    ...(sources.teams ? { teams: sources.teams } : {}),
    prepTeamChoices: new CosmosPrepTeamChoiceRepository(p.cosmos),
    summarizer: createPrepSummarizer(p.config.ai, p.logger, p.prepSummaryBudgetMs),
    prepSummaries: new CosmosPrepSummaryStore(p.cosmos, p.clock),
    // A press waits briefly for a new AI summary; the rest runs after it is answered, and is stored for the next render.
    turnSummary: {
      waitMs: p.prepSummaryWaitMs ?? PREP_SUMMARY_WAIT_MS,
      finish: (pending) =>
        p.background.run('talentReview.prepSummary', async () => {
          // Whatever failed (a store read or write): logged by its kind alone, the next render tries again.
          await pending.catch((err: unknown) => p.logger.warn({ failure: failureOf(err) }, 'prep summary made after its card was answered not stored'));
        }),
    },
    // Withdrawals' keys as digests keyed with the app's secret: after an erasure nobody recomputes one from the report's id (stop 59).
    prepCards: outboxPrepCards(p.outbox, p.config.pulsePoll.hashKey ?? randomBytes(32).toString('base64url'), () => p.clock.now()),
    prepRefreshesOwed: new CosmosPrepRefreshesOwed(p.cosmos, p.clock),
    notices: chatReviewNotices({
      messenger: p.messenger,
      translator: p.translator,
      languageOf: async (userId) => (await knownLanguage(sources.verantwoording, userId)) ?? p.config.defaultLanguage,
      notQueued: (err) => p.logger.warn({ failure: failureOf(err) }, 'a professional was not told of a change to their conversation; their verantwoording shows it'),
    }),
    scheduler: p.scheduler,
    clock: p.clock,
    prepDaysBefore,
    holidays: holidayCalendar(p.config.rhythm.holidayRegion),
    timeZone: p.config.orgTimeZone,
    learningHoursPerWeek: p.config.learningTime.hoursPerWeek,
    proposalsToManager: new CosmosProposalToManagerRepository(p.cosmos),
    teamAccounts: new CosmosTeamAccountRepository(p.cosmos),
    reviewRequests: new CosmosReviewRequestRepository(p.cosmos),
  };
  registerTalentReview(p.app, p.scheduler, { talentReview: deps, translator: p.translator, logger: p.logger, messenger: p.messenger, outbox: p.outbox, actions: p.actions, defaultLanguage: p.config.defaultLanguage });
  // Earlier versions let the manager pick the report's phase: each pick becomes a proposal.
  p.background.run('talentReview.migratePhasePicks', async () => {
    const moved = await reviews.migrateLegacyPhasePicks();
    if (moved) p.logger.info({ moved }, 'phases picked by managers are now proposals');
  });
  // Conversations planned before prep cards moved off weekends and holidays: their jobs move (idempotent).
  p.background.run('talentReview.movePrepsToWorkingDays', async () => {
    const moved = await movePrepsToWorkingDays(deps);
    if (moved) p.logger.info({ moved }, 'prep cards planned on a weekend or holiday now come on the working day before');
  });
  // Conversations planned before each report kept an index of their managers: index them once (idempotent).
  p.background.run('talentReview.indexReviewManagers', () => indexReviewManagers(p.cosmos, reviewManagers, p.logger, p.clock.now()));
  return deps;
}

/** What is safe to log of a failure: its status and kind, never its message (it may quote ids or paths). */
function failureOf(err: unknown): { status?: number; code?: string; error?: string } {
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown } | undefined;
  const status = typeof e?.code === 'number' ? e.code : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  return { ...(status !== undefined ? { status } : {}), ...(typeof e?.code === 'string' ? { code: e.code } : {}), ...(typeof e?.name === 'string' ? { error: e.name } : {}) };
}

/**
 * A person's stored change of what they share: their managers' prep cards are rebuilt now, or by
 * the scheduler's retry when that fails, or by the daily manager check when not even the retry
 * could be stored. The person's turn goes on either way; the log says what
 * happened without naming them. The AI summary of what they no longer share goes too, also when
 * no prep card is in a chat to be rebuilt: in the background, so the turn costs no request more.
 */
export async function prepCardsFollowSharing(p: Platform, deps: TalentReviewDeps, userId: string): Promise<void> {
  const followed = await followSharing(deps, p.scheduler, userId);
  p.background.run('talentReview.prepSummaryFollowsSharing', async () => {
    // A failed read or removal: logged by its kind alone; the next render of their prep removes it.
    await dropStalePrepSummary(deps, userId).catch((err: unknown) => p.logger.warn({ failure: failureOf(err) }, 'prep summary not checked after a change of sharing'));
  });
  if (followed.outcome === 'rebuilt') return;
  const failure = failureOf(followed.error);
  if (followed.outcome === 'retrying') p.logger.warn({ failure }, 'prep cards not rebuilt after a change of sharing; a scheduled job retries it');
  else if (followed.outcome === 'owed') p.logger.warn({ failure }, 'prep cards not rebuilt after a change of sharing, nor a retry scheduled; the daily manager check rebuilds them');
  else p.logger.error({ failure }, 'prep cards not rebuilt after a change of sharing, and no retry could be scheduled');
}
