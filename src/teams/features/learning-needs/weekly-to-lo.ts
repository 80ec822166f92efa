import { Language } from '../../../domain/framework/framework';
import { isNamedHr } from '../../../domain/directory/hr-people';
import { HANDOVER_RUN_KEEP_SECONDS, WeeklyLoNotices } from '../../../domain/learning-needs/weekly-to-lo';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { Outbox } from '../../../outbox/outbox';
import type { OutboxJob } from '../../../outbox/outbox-job';
import { CHECK_UNANSWERED } from '../../../outbox/job-transitions';
import { loWeeklyCard } from '../../cards/learning-needs/lo-weekly.card';
import { cardMessage } from '../../messenger';

/** The check the outbox makes when a weekly card is due: is its person still HR (HR_USER_IDS, or HR_GROUP_ID's member)? */
export const WEEKLY_LO_STILL_HR = 'learningNeeds.weekly.stillHr';

/** Told when the outbox gives a weekly card up (its `onRefused`): logged if its check never answered. */
export const WEEKLY_LO_GIVEN_UP = 'learningNeeds.weekly.givenUp';

/** What the send-time check of a weekly card asks, beside HR_USER_IDS (`registerWeeklyLoCheck`). */
export interface WeeklyLoCheckDeps {
  /** HR_GROUP_ID as the directory says when the card is due; absent: no group, or one the app cannot ask. */
  inHrGroup?: (userId: string) => Promise<boolean>;
  /** Whether the running app serves a tenant (ALLOWED_TENANT_IDS: `tenantServed`); absent: every tenant. */
  tenantServed?: (tenantId: string) => boolean;
  /**
   * A card given up while its tenant was off ALLOWED_TENANT_IDS: its week's handover record is
   * written again (handed over, told late, that tenant waiting) and a next handover scheduled, so
   * the batch is told once the tenant is allowed again, as the batches a handover keeps untold are,
   * and to that tenant only (`tenantId`: the job's; undefined on a card without one: every tenant).
   */
  keepUntold?: (week: string, tenantId: string | undefined) => Promise<void>;
}

/**
 * Registers that check with the running app's HR_USER_IDS (a restart with a new list answers by
 * the new one) and, for anyone else, HR_GROUP_ID as the directory says when the card is due
 * (`inHrGroup`). A card queued for someone taken out since is skipped, not sent (the week's needs
 * are HR information). A directory that does not answer is no "no": the card waits ('later') and is
 * asked about again. A card of a tenant taken off ALLOWED_TENANT_IDS since it was queued (a
 * restart) waits too (stop 53, found in review): it goes if the tenant is allowed again within the
 * outbox's day; else it is given up, its key freed and its week's batch kept for a later handover
 * (`keepUntold`). A `sendIf`, not a `guard`: a guarded job is deleted once finished, which would
 * free its key and let a handover run again that week queue a second card. Once ended, a sent
 * card leaves only the blank that holds its key (stop 59); a skipped one frees it (a run again that
 * week queues it anew, and this check is asked again).
 */
export function registerWeeklyLoCheck(
  outbox: Pick<Outbox, 'onGuard' | 'onRefused' | 'store'>,
  logger: Pick<Logger, 'warn'>,
  hrUserIds: readonly string[],
  check: WeeklyLoCheckDeps = {},
): void {
  const { inHrGroup, tenantServed } = check;
  const served = (tenantId: string | undefined) => !tenantServed || tenantServed(tenantId ?? '');
  outbox.onGuard(WEEKLY_LO_STILL_HR, async ({ userId, tenantId }) => {
    // Cards queued before stop 53 carry no tenant in their check: those go by HR alone, as the
    // cards about a proposal shared with L&O do (proposal-to-lo's `tellLoVia`, stop 54).
    if (tenantId !== undefined && !served(tenantId)) return 'later';
    const id = userId ?? '';
    if (isNamedHr(hrUserIds, id)) return true;
    if (!inHrGroup || !id.trim()) return false;
    return inHrGroup(id.trim().toLowerCase()).catch(() => 'later' as const);
  });
  // A card whose check waited out the outbox's day is given up unsent: one line for an operator,
  // with its week and tenant, never whose card it was (stop 53; before, only telemetry's undelivered
  // event said so). A refusal by Teams the outbox logs itself.
  outbox.onRefused(WEEKLY_LO_GIVEN_UP, async ({ week }, job) => {
    if (job.result?.code !== CHECK_UNANSWERED) return;
    if (!served(job.tenantId)) {
      logger.warn({ week, tenantId: job.tenantId }, 'a weekly learning-needs card was given up unsent: its tenant is not on ALLOWED_TENANT_IDS; its week\'s batch is kept and told when the tenant is allowed again');
      // The week's record first (a failure runs this hook again), then the key: nothing was sent,
      // so the later telling may queue the card anew under it (a kept given-up job would hold it).
      if (week) await check.keepUntold?.(week, job.tenantId);
      const given = await outbox.store.get(job.id);
      if (given && given.status === 'failed') await outbox.store.deleteIfUnchanged(given);
      return;
    }
    logger.warn({ week, tenantId: job.tenantId }, 'a weekly learning-needs card was given up unsent: Microsoft Graph did not answer whether its HR_GROUP_ID member is still HR for the outbox\'s whole day');
  });
}

/**
 * A weekly card the outbox gave up unsent because its check never answered (its tenant off
 * ALLOWED_TENANT_IDS where it was to be sent, or Graph silent): nothing reached its person, so a
 * telling of its week queues the card again in its place rather than count it as told. Found in
 * review of stop 53, closed in stop 54: an instance that served the tenant told the week while
 * another's give-up hook was about to free the key; the telling found the key held and counted a
 * card the hook then deleted. The replace is under the given-up job's ETag, so the hook's delete
 * (under the same) leaves the new card. A card sent, refused by Teams or erased keeps its key (a
 * blank, stop 59); one skipped, or given up unsent, frees it once ended (`leavesKeyWhenEnded`).
 */
const givenUpUnsent = (job: Pick<OutboxJob, 'status' | 'result'>) => job.status === 'failed' && job.result?.code === CHECK_UNANSWERED;

export interface WeeklyLoNoticeDeps {
  outbox: Pick<Outbox, 'queue' | 'withdraw'>;
  translator: Translator;
  /** The person's chosen language, else their Teams client's as their own turns kept it, else the organisation's (this is nobody's turn). */
  languageOf(userId: string): Promise<Language>;
}

/**
 * The week's card in each HR person's own 1:1 chat, opened by the outbox with their Entra id as the
 * half-yearly reminder is (Teams opens it only for a user of that tenant; where it refuses, the
 * outbox gives the card up and logs its job, never the person). Queued under the key: once per key.
 * `keyOutlivesErasure`: their erasure takes the card out of the outbox and leaves its key, so a
 * handover run again that week queues nothing for them. Sent only if they are still HR then, and
 * the app still serves its tenant (`registerWeeklyLoCheck`).
 */
export function outboxWeeklyLoNotices(deps: WeeklyLoNoticeDeps): WeeklyLoNotices {
  return {
    async toLo(to, view, key) {
      const language = await deps.languageOf(to.userId);
      await deps.outbox.queue({
        key,
        tenantId: to.tenantId,
        route: to.route,
        target: { kind: 'person', userId: to.userId, appUserId: to.userId },
        payload: cardMessage(loWeeklyCard(view, deps.translator.t(language), language)),
        sendIf: { kind: WEEKLY_LO_STILL_HR, args: { userId: to.userId, tenantId: to.tenantId } },
        // The week only: whose card it was stays out of the line it logs (`registerWeeklyLoCheck`).
        onRefused: { kind: WEEKLY_LO_GIVEN_UP, args: { week: view.week } },
        keyOutlivesErasure: true,
        // As long as a handover's run record: a week told late by a later handover finds its key
        // (sent, or left blank by an erasure) and sends no second card (found in review, stop 52).
        keepSeconds: HANDOVER_RUN_KEEP_SECONDS,
      }, { retake: givenUpUnsent });
    },
    withdraw: (key) => deps.outbox.withdraw(key),
  };
}
