import { CosmosPollRepository } from '../../store/pulse-poll.repositories';
import { holidayCalendar } from '../../domain/week-cycle/holidays';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import { CosmosMembershipIndex } from '../../store/membership-index.repository';
import { CosmosReviewManagersIndex } from '../../store/review-managers.repository';
import { CosmosProposalToManagerRepository } from '../../store/proposal-to-manager.repository';
import { CosmosTalentReviewRepository } from '../../store/talent-review.repository';
import { CosmosTeamAccountRepository } from '../../store/team-account.repository';
import { CosmosReviewRequestRepository } from '../../store/review-request.repository';
import { CosmosCycleRepository, CosmosGroupRepository, CosmosGroupTraceRepository, CosmosProposalRepository, CosmosSessionRepository } from '../../store/week-cycle.repositories';
import { registerVerantwoording } from '../../teams/features/verantwoording/register';
import { registerTrajectEndJob } from '../../teams/features/verantwoording/traject-end';
import { VerantwoordingDeps } from '../../usecases/verantwoording/deps';
import { ERASURE_RESUME_JOB } from '../../usecases/verantwoording/erasure-resume';
import { resumeErasure } from '../../usecases/verantwoording/my-data';
import { DevTokens, EntraTokenVerifier, TabAuthenticator } from '../../web/verantwoording/tab-auth';
import { registerTabApi, TabApiDeps } from '../../web/verantwoording/tab-api';
import { defaultTabDir, registerTabStatic } from '../../web/verantwoording/tab-static';
import { LearningNeedDeps } from '../../usecases/learning-needs/learning-needs';
import { Platform } from '../platform';
import { ReviewsOfProfessional } from '../../domain/talent-review/ports';

/** Accepted token audiences: the SSO app's client id, and its Application ID URI on our domain. */
function audiences(clientId: string, publicBaseUrl: string | undefined): string[] {
  const host = publicBaseUrl ? new URL(publicBaseUrl).host : undefined;
  return [clientId, ...(host ? [`api://${host}/${clientId}`] : [])];
}

/**
 * Mijn verantwoording: personal-chat commands and cards, the message extension, and the personal
 * tab (static files and its JSON API) with Teams SSO, or the dev sign-in in local mode.
 */
export function composeVerantwoording(
  p: Platform,
  sources: {
    preview?: TabApiDeps['preview'];
    putBefore?: TabApiDeps['putBefore'];
    talentReviews?: ReviewsOfProfessional;
    learningNeeds?: LearningNeedDeps;
    sharingChanged?: VerantwoordingDeps['sharingChanged'];
    sharingErased?: VerantwoordingDeps['sharingErased'];
  } = {},
): VerantwoordingDeps {
  const deps: VerantwoordingDeps = {
    records: new CosmosPersonalRecordRepository(p.cosmos),
    membership: new CosmosMembershipIndex(p.cosmos),
    traces: new CosmosGroupTraceRepository(p.cosmos),
    groups: new CosmosGroupRepository(p.cosmos),
    cycles: new CosmosCycleRepository(p.cosmos),
    sessions: new CosmosSessionRepository(p.cosmos),
    proposals: new CosmosProposalRepository(p.cosmos),
    frameworks: p.frameworks,
    clock: p.clock,
    defaultLanguage: p.config.defaultLanguage,
    learningHoursPerWeek: p.config.learningTime.hoursPerWeek,
    timeZone: p.config.orgTimeZone,
    erasureJobs: p.scheduler,
    ...(p.saveWindowMs !== undefined ? { saveWindowMs: p.saveWindowMs } : {}),
    ...(p.windowClock ? { windowClock: p.windowClock } : {}),
    ...(sources.talentReviews ? { talentReviews: sources.talentReviews } : {}),
    ...(sources.sharingChanged ? { sharingChanged: sources.sharingChanged } : {}),
    ...(sources.sharingErased ? { sharingErased: sources.sharingErased } : {}),
    // Export and erasure reach into the talent reviews, the outbox, the scheduler's jobs, the polls a person started and the team accounts their managers keep.
    dataRights: { reviews: new CosmosTalentReviewRepository(p.cosmos), reviewManagers: new CosmosReviewManagersIndex(p.cosmos, p.clock), outbox: p.outbox.store, jobs: p.scheduler, holidays: holidayCalendar(p.config.rhythm.holidayRegion), polls: new CosmosPollRepository(p.cosmos), proposalsToManager: new CosmosProposalToManagerRepository(p.cosmos), teamAccounts: new CosmosTeamAccountRepository(p.cosmos), reviewRequests: new CosmosReviewRequestRepository(p.cosmos) },
  };
  // An interrupted erasure finishes without the person: its job runs it again while its ticket is there.
  p.scheduler.on(ERASURE_RESUME_JOB, async (payload, job) => {
    const marker = typeof payload.marker === 'string' ? payload.marker : '';
    const round = typeof payload.round === 'number' ? payload.round : 1;
    const outcome = await resumeErasure(deps, { marker, round }, job.attempts);
    // Who it was stays out of the log.
    p.logger.info({ outcome, round }, 'unfinished erasure resumed');
  });
  const teams = { verantwoording: deps, translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage, timeZone: p.config.orgTimeZone, messenger: p.messenger };
  registerVerantwoording(p.app, teams);
  // A closed session's week, recorded as active for those who attended; the look-back at their Prof-traject's end.
  registerTrajectEndJob(p.scheduler, { ...teams, personalLanguage: p.personalLanguage });

  const { sso, devSignIn } = p.config.verantwoording;
  const entra = sso.enabled ? new EntraTokenVerifier({ ...sso, audiences: audiences(sso.clientId, p.config.publicBaseUrl) }) : undefined;
  const devTokens = devSignIn ? new DevTokens() : undefined;
  if (!sso.enabled && !devSignIn) p.logger.warn({ reason: sso.reason }, 'the Mijn verantwoording tab has no sign-in: set TAB_AAD_CLIENT_ID (and TAB_AAD_TENANT_ID or MICROSOFT_APP_TENANT_ID)');
  if (devSignIn) p.logger.warn('the Mijn verantwoording tab offers the development sign-in (local mode, bot authentication off)');
  registerTabStatic(p.server, defaultTabDir(), { defaultLanguage: p.config.defaultLanguage, title: (language) => p.translator.t(language)('verantwoording.title') });
  registerTabApi(p.server, { verantwoording: deps, learningNeeds: sources.learningNeeds, auth: new TabAuthenticator(entra, devTokens), devTokens, logger: p.logger, defaultLanguage: p.config.defaultLanguage, timeZone: p.config.orgTimeZone, ...(sources.preview ? { preview: sources.preview } : {}), ...(sources.putBefore ? { putBefore: sources.putBefore } : {}) });
  return deps;
}
