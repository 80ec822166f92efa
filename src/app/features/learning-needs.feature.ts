import { handoverWeek, legacyTenantOf, tenantServed } from '../../domain/learning-needs/learning-need';
import { CosmosLearningNeedStore } from '../../store/learning-needs.repository';
import { CosmosLoOfferRepository } from '../../store/lo-offer.repository';
import { CosmosHandoverRuns } from '../../store/learning-need-handover-runs';
import { CosmosTenantRoutes } from '../../store/tenant-routes';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import { registerLearningNeeds } from '../../teams/features/learning-needs/register';
import { outboxWeeklyLoNotices, registerWeeklyLoCheck } from '../../teams/features/learning-needs/weekly-to-lo';
import { handOverLearningNeeds, HANDOVER_JOB, LearningNeedDeps, scheduleHandover } from '../../usecases/learning-needs/learning-needs';
import { handoverBegins, handoverWritten, tellLoAfterHandover, WeeklyLoDeps } from '../../usecases/learning-needs/weekly-to-lo';
import { Platform } from '../platform';
import { hrAudience } from './hr-people';

/**
 * Learning needs for L&O: the member's choice on the session card, and the weekly handover that
 * turns the pending choices of enough people of one tenant into that tenant's anonymous batch.
 */
export function composeLearningNeeds(p: Platform): LearningNeedDeps {
  // Records from before tenants were recorded are the one allowed tenant's, or nobody's. Only a list
  // someone set counts: the bot's own tenant, filled in since stop 50, says nothing about who wrote
  // those records (the bot then took every tenant's activities).
  const legacyTenant = legacyTenantOf(p.config.allowedTenantIdsFrom === 'ALLOWED_TENANT_IDS' ? p.config.allowedTenantIds : []);
  const deps: LearningNeedDeps = {
    store: new CosmosLearningNeedStore(p.cosmos),
    records: new CosmosPersonalRecordRepository(p.cosmos),
    clock: p.clock,
    // A pass-on keeps to the save window of the person's own records (see passOnLearningNeed).
    ...(p.saveWindowMs !== undefined ? { saveWindowMs: p.saveWindowMs } : {}),
    ...(p.windowClock ? { windowClock: p.windowClock } : {}),
    minimum: p.config.pulsePoll.minRespondents,
    // The weekly handover runs on Monday 02:00 in the organisation's time zone, as the HR report counts weeks.
    timeZone: p.config.orgTimeZone,
    scheduler: p.scheduler,
    // L&O's offers, read with the member's own needs (HR writes them: see the HR report's composition).
    offers: new CosmosLoOfferRepository(p.cosmos),
    ...(legacyTenant !== undefined ? { legacyTenant } : {}),
    // ALLOWED_TENANT_IDS as this run of the app has it: a tenant taken off keeps its needs and batches (stop 53).
    tenantServed: (tenantId) => tenantServed(p.config.allowedTenantIds, tenantId),
  };
  registerLearningNeeds(p.app, { learningNeeds: deps, translator: p.translator, actions: p.actions });
  // HR_USER_IDS and HR_GROUP_ID's members (listed by Graph in the job, never in a turn).
  const { groupListable: _listable, inHrGroup, ...hr } = hrAudience(p);
  const weekly: WeeklyLoDeps = {
    store: deps.store,
    records: deps.records,
    minimum: deps.minimum,
    ...hr,
    routes: new CosmosTenantRoutes(p.cosmos),
    notices: outboxWeeklyLoNotices({ outbox: p.outbox, translator: p.translator, languageOf: async (userId) => (await p.personalLanguage(userId).catch(() => undefined)) ?? p.config.defaultLanguage }),
    runs: new CosmosHandoverRuns(p.cosmos),
    tenantServed: deps.tenantServed,
  };
  // A queued weekly card goes only to someone still HR when it is sent (stop 52): in HR_USER_IDS, or
  // in HR_GROUP_ID as Graph says then (a Graph that does not answer: the card waits). And only for a
  // tenant still on ALLOWED_TENANT_IDS (stop 53, found in review): else it waits, and once given up
  // its week's batch is kept as a handover keeps one (the week's record, a next handover scheduled).
  registerWeeklyLoCheck(p.outbox, p.logger, hr.hrUserIds, {
    ...(inHrGroup ? { inHrGroup } : {}),
    tenantServed: (tenantId) => tenantServed(p.config.allowedTenantIds, tenantId),
    keepUntold: async (week, tenantId) => {
      // The week's record names the tenant as still waiting: the later telling goes to it alone.
      await weekly.runs.handedOver(week, tenantId || undefined);
      await scheduleHandover(deps);
    },
  });
  p.scheduler.on(HANDOVER_JOB, async (_payload, job) => {
    const { week } = handoverWeek(p.clock.now(), deps.timeZone);
    // A run after a failure first makes sure a next handover comes: if this job gives up, the needs
    // it did not hand over are taken along next week, not left waiting for someone's next pass-on.
    if (job.attempts > 1) await scheduleHandover(deps);
    // Before anything moves: a job that gives up after its day of retries leaves this record, and
    // the next handover tells L&O of that week (stop 52).
    await handoverBegins(weekly, week);
    const outcomes = await handOverLearningNeeds(deps);
    await handoverWritten(weekly, week);
    // How it went per tenant, no figures: who and what stay out of the log, and so do the counts the
    // report and L&O's card hold back (a rest of one person; people waiting below the minimum).
    for (const outcome of outcomes) p.logger.info({ tenantId: outcome.tenantId, result: outcome.result }, 'learning needs handover');
    // While some wait for enough others, try again next week; a new pass-on schedules it too.
    // So do the pass-ons of a tenant taken off ALLOWED_TENANT_IDS: handed over once it is allowed again.
    if (outcomes.some((o) => (o.result === 'waiting' || o.result === 'notAllowed') && o.people > 0)) await scheduleHandover(deps);
    // L&O hears of each batch of the week (written now, or by a run of this week that stopped after
    // it) in their own 1:1 chats, once per person and week (stop 51). A failure fails the job: its
    // retry finds the batches written and queues what is missing, under the same keys.
    // Earlier weeks whose job gave up are told now: their batches late, the rest on this week's cards.
    const { week: told, unfinished, hrGroupUnavailable } = await tellLoAfterHandover(weekly, week);
    for (const e of unfinished) {
      p.logger.warn({ week: e.week }, 'learning needs handover of an earlier week had not completed; told to L&O now');
      for (const outcome of e.outcomes) p.logger.info({ tenantId: outcome.tenantId, result: outcome.result, week: e.week }, 'learning needs handover told to L&O late');
    }
    for (const outcome of told) p.logger.info({ ...outcome }, 'learning needs handover told to L&O');
    // A batch of a tenant off ALLOWED_TENANT_IDS is kept with its week's record: next week's
    // handover tells it if the tenant is allowed again by then (stop 53).
    if ([...told, ...unfinished.flatMap((e) => e.outcomes)].some((o) => o.result === 'notAllowed')) await scheduleHandover(deps);
    if (told.some((o) => o.result === 'queued' && o.hrGroupNotListed)) p.logger.warn('HR_GROUP_ID is set: its members cannot be listed, so only HR_USER_IDS get the weekly learning-needs card');
    // HR_USER_IDS have their cards; the group's members get theirs on the job's retry (keyed per
    // person: the retry queues only what is missing). The week's record stays until then.
    if (hrGroupUnavailable) {
      p.logger.warn({ attempt: job.attempts }, 'HR_GROUP_ID could not be listed (Microsoft Graph did not answer): its members get the weekly learning-needs card when the handover runs again');
      throw new Error('HR_GROUP_ID could not be listed');
    }
  });
  return deps;
}
