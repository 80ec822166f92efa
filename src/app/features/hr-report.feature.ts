import { randomBytes } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { B3History, HrCheck } from '../../domain/hr-report/ports';
import { signLink } from '../../http/signed-link';
import { CosmosReportSource } from '../../store/hr-report.source';
import { CosmosJaarplanRepository } from '../../store/jaarplan.repository';
import { registerJaarplan } from '../../teams/features/hr-report/jaarplan';
import { CosmosTalentReviewRepository } from '../../store/talent-review.repository';
import { registerHrReport } from '../../teams/features/hr-report/register';
import { AdaptiveCardJson } from '../../teams/cards/card-kit';
import { HrReportDeps } from '../../usecases/hr-report/hr-report';
import { LearningNeedDeps } from '../../usecases/learning-needs/learning-needs';
import { REPORT_PATHS, registerReportRoutes } from '../../web/hr-report/report-routes';
import { Platform } from '../platform';

/** The HR report (Reflectie en terugkoppeling): the command, its card action and its signed downloads; the Jaarplan targets it shows. */
export function composeHrReport(p: Platform, sources: { isHr: HrCheck; b3: B3History; learningNeeds?: Pick<LearningNeedDeps, 'store' | 'minimum' | 'legacyTenant'> }): void {
  const { reportLinkSecret, reportLinkMinutes } = p.config.talentReview;
  const secret = reportLinkSecret ? Buffer.from(reportLinkSecret) : randomBytes(32);
  if (!reportLinkSecret) p.logger.warn('REPORT_LINK_SECRET is not set: report links are signed with a random key of this process (one instance only)');
  const baseUrl = p.config.publicBaseUrl ?? `http://localhost:${p.config.port}`;
  // The frameworks of both languages have the same questions (load-frameworks checks it).
  const proposalQuestionId = p.frameworks.nl.questions.find((q) => q.kind === 'aiProposal')?.id;
  const plans = new CosmosJaarplanRepository(p.cosmos);
  const report: HrReportDeps = {
    source: new CosmosReportSource(p.cosmos, proposalQuestionId),
    b3: sources.b3,
    isHr: sources.isHr,
    clock: p.clock,
    timeZone: p.config.orgTimeZone,
    sessionHours: p.config.session.minutes / 60,
    facilitation: new CosmosTalentReviewRepository(p.cosmos),
    ...(sources.learningNeeds ? { learningNeeds: sources.learningNeeds } : {}),
    jaarplan: plans,
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
  });
  registerReportRoutes(p.server, { report, secret, translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage });
}
