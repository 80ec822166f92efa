import { randomBytes } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { ManagerDirectory } from '../../domain/directory/manager-directory';
import { B3History, HrCheck } from '../../domain/hr-report/ports';
import { holidayCalendar } from '../../domain/week-cycle/holidays';
import { signLink } from '../../http/signed-link';
import { CosmosReportSource } from '../../store/hr-report.source';
import { CosmosJaarplanRepository } from '../../store/jaarplan.repository';
import { registerJaarplan } from '../../teams/features/hr-report/jaarplan';
import { registerLoOffers } from '../../teams/features/learning-needs/lo-offers';
import { registerHalfYearStartOnInstall } from '../../teams/features/hr-report/half-year-start';
import { outboxHalfYearNotices } from '../../teams/features/hr-report/half-year-notices';
import { readPayload } from '../../scheduling/unreadable-payload';
import { RunAgainLater } from '../../scheduling/run-again-later';
import { DIRECTORY_RETRY_MS } from '../../usecases/talent-review/prep';
import { HALF_YEAR_JOB, HalfYearDeps, runHalfYear, scheduleHalfYear } from '../../usecases/hr-report/half-year';
import { z } from 'zod';
import { CosmosTalentReviewRepository } from '../../store/talent-review.repository';
import { registerHrReport } from '../../teams/features/hr-report/register';
import { AdaptiveCardJson } from '../../teams/cards/card-kit';
import { HrReportDeps } from '../../usecases/hr-report/hr-report';
import { LearningNeedDeps } from '../../usecases/learning-needs/learning-needs';
import { REPORT_PATHS, registerReportRoutes } from '../../web/hr-report/report-routes';
import { Platform } from '../platform';
import { hrAudience } from './hr-people';

/** The HR report (Reflectie en terugkoppeling): the command, its card action and its signed downloads; the Jaarplan targets it shows. */
export function composeHrReport(p: Platform, sources: { isHr: HrCheck; mayBeHr?: HrCheck; b3: B3History; learningNeeds?: Pick<LearningNeedDeps, 'store' | 'minimum' | 'legacyTenant' | 'offers'>; directory?: ManagerDirectory }): void {
  const { reportLinkSecret, reportLinkMinutes } = p.config.talentReview;
  const secret = reportLinkSecret ? Buffer.from(reportLinkSecret) : randomBytes(32);
  if (!reportLinkSecret) p.logger.warn('REPORT_LINK_SECRET is not set: report links are signed with a random key of this process (one instance only)');
  const baseUrl = p.config.publicBaseUrl ?? `http://localhost:${p.config.port}`;
  // The frameworks of both languages have the same questions (load-frameworks checks it).
  const proposalQuestionId = p.frameworks.nl.questions.find((q) => q.kind === 'aiProposal')?.id;
  const plans = new CosmosJaarplanRepository(p.cosmos);
  const reviews = new CosmosTalentReviewRepository(p.cosmos);
  const report: HrReportDeps = {
    source: new CosmosReportSource(p.cosmos, proposalQuestionId),
    b3: sources.b3,
    isHr: sources.isHr,
    ...(sources.mayBeHr ? { mayBeHr: sources.mayBeHr } : {}),
    clock: p.clock,
    timeZone: p.config.orgTimeZone,
    sessionHours: p.config.session.minutes / 60,
    facilitation: reviews,
    ...(sources.learningNeeds ? { learningNeeds: sources.learningNeeds } : {}),
    jaarplan: plans,
  };
  // HR_USER_IDS and HR_GROUP_ID's members (listed by Graph in the job, never in a turn).
  const { groupListable: _listable, inHrGroup: _inGroup, ...hr } = hrAudience(p);
  const halfYear: HalfYearDeps = {
    plans,
    // The plan's card keys as digests keyed with the app's secret: after an erasure nobody recomputes one from the person's id (stop 58).
    planKeySecret: p.config.pulsePoll.hashKey ?? randomBytes(32).toString('base64url'),
    scheduler: p.scheduler,
    clock: p.clock,
    timeZone: p.config.orgTimeZone,
    isHoliday: holidayCalendar(p.config.rhythm.holidayRegion).isHoliday,
    ...hr,
    // No directory given: nobody is listed as a manager, and the nudge says so in the log.
    directory: sources.directory ?? { directReports: async () => [] },
    reviews,
    notices: outboxHalfYearNotices({ outbox: p.outbox, translator: p.translator, languageOf: async (userId) => (await p.personalLanguage(userId).catch(() => undefined)) ?? p.config.defaultLanguage }),
  };
  // A card posted in a shared chat goes through the outbox under a key of the message: Teams delivering it again posts none.
  const postOnce = async (context: TurnContext, card: AdaptiveCardJson, key: string, about: string[]) => {
    await p.messenger.post(TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>, card, { key, about });
  };
  registerHrReport(p.app, {
    report,
    translator: p.translator,
    logger: p.logger,
    defaultLanguage: p.config.defaultLanguage,
    localeFor: p.actions.localeFor,
    actions: p.actions,
    postOnce,
    links: async (tenant, period, lang) => {
      const expires = new Date(p.clock.now().getTime() + reportLinkMinutes * 60_000);
      const claims = { from: period.from, to: period.to, lang, tenant };
      const [csv, summary] = await Promise.all([signLink(secret, baseUrl, REPORT_PATHS.csv, claims, expires), signLink(secret, baseUrl, REPORT_PATHS.summary, claims, expires)]);
      return { csv, summary, minutes: reportLinkMinutes };
    },
  });
  // The Jaarplan's targets: set by the same people, in the same places, as the report they appear in.
  registerJaarplan(p.app, {
    jaarplan: { plans, isHr: sources.isHr, clock: p.clock, timeZone: p.config.orgTimeZone },
    translator: p.translator,
    logger: p.logger,
    defaultLanguage: p.config.defaultLanguage,
    actions: p.actions,
    postOnce,
    scheduleHalfYear: (tenantId, route) => scheduleHalfYear(halfYear, tenantId, route),
  });
  registerHalfYearStartOnInstall(p.app, { scheduleHalfYear: (tenantId, route) => scheduleHalfYear(halfYear, tenantId, route), logger: p.logger });
  // L&O's offer per theme: written by the same people who read the learning needs in the report.
  const offers = sources.learningNeeds?.offers;
  if (offers) {
    registerLoOffers(p.app, { offers: { offers, isHr: sources.isHr, clock: p.clock }, translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage, actions: p.actions });
  }
  composeHalfYear(p, halfYear);
  registerReportRoutes(p.server, { report, secret, translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage });
}

const halfYearPayload = z.object({ tenantId: z.string().min(1), serviceUrl: z.string().url(), botId: z.string().optional(), year: z.number().int(), month: z.number().int().min(1).max(12) });

/** The half-yearly rhythm's job: one per tenant and moment; its outcome is logged as counts, never as people. */
function composeHalfYear(p: Platform, deps: HalfYearDeps): void {
  p.scheduler.on(HALF_YEAR_JOB, async (payload, scheduled) => {
    const job = readPayload(halfYearPayload, payload);
    const route = { serviceUrl: job.serviceUrl, ...(job.botId ? { botId: job.botId } : {}) };
    const outcome = await runHalfYear(deps, { tenantId: job.tenantId, route, year: job.year, month: job.month, dueAt: scheduled.dueAt });
    p.logger.info({ ...outcome, moment: `${job.year}-${job.month}` }, 'half-yearly moment');
    if (outcome.result === 'outsideWorkingHours') throw new RunAgainLater(new Date(outcome.runAgainAt), 'a half-yearly run late waits for working hours');
    if (outcome.result !== 'sent') return;
    if (outcome.hrGroupNotListed) p.logger.warn('HR_GROUP_ID is set: its members cannot be listed, so only HR_USER_IDS get the half-yearly reminder');
    if (outcome.managers === 'notListed') p.logger.warn('the manager directory cannot list managers (none configured): no half-yearly nudge to managers');
    if (outcome.managers === 'otherTenant') p.logger.warn({ tenantId: job.tenantId }, "Microsoft Graph lists the app's own tenant (MICROSOFT_APP_TENANT_ID) only: this tenant's managers get no half-yearly nudge");
    if (outcome.hrGroup === 'unavailable') p.logger.warn('HR_GROUP_ID could not be listed (Microsoft Graph did not answer): its members get the half-yearly reminder when the job runs again');
    if (outcome.runAgain) {
      if (outcome.managers === 'unavailable' || outcome.managersSkipped > 0) {
        p.logger.warn({ managersSkipped: outcome.managersSkipped, unavailable: outcome.managers === 'unavailable' }, 'the manager directory did not answer: the half-yearly nudges go when it does');
      }
      throw new RunAgainLater(new Date(p.clock.now().getTime() + DIRECTORY_RETRY_MS), 'the directory did not answer');
    }
  });
}
