import { Language } from '../../../domain/framework/framework';
import { isNamedHr } from '../../../domain/directory/hr-people';
import { HANDOVER_RUN_KEEP_SECONDS, WeeklyLoNotices } from '../../../domain/learning-needs/weekly-to-lo';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { Outbox } from '../../../outbox/outbox';
import { CHECK_UNANSWERED } from '../../../outbox/job-transitions';
import { loWeeklyCard } from '../../cards/learning-needs/lo-weekly.card';
import { cardMessage } from '../../messenger';

/** The check the outbox makes when a weekly card is due: is its person still HR (HR_USER_IDS, or HR_GROUP_ID's member)? */
export const WEEKLY_LO_STILL_HR = 'learningNeeds.weekly.stillHr';

/** Told when the outbox gives a weekly card up (its `onRefused`): logged if its check never answered. */
export const WEEKLY_LO_GIVEN_UP = 'learningNeeds.weekly.givenUp';

/**
 * Registers that check with the running app's HR_USER_IDS (a restart with a new list answers by
 * the new one) and, for anyone else, HR_GROUP_ID as the directory says when the card is due
 * (`inHrGroup`; absent: no group, or one the app cannot ask). A card queued for someone taken out
 * since is skipped, not sent (the week's needs are HR information). A directory that does not
 * answer is no "no": the card waits ('later') and is asked about again. A `sendIf`, not a `guard`:
 * a guarded job is deleted once finished, which would free its key and let a handover run again
 * that week queue a second card; a skipped job is kept as skipped, with no payload, holding the
 * same person id its target already held.
 */
export function registerWeeklyLoCheck(outbox: Pick<Outbox, 'onGuard' | 'onRefused'>, logger: Pick<Logger, 'warn'>, hrUserIds: readonly string[], inHrGroup?: (userId: string) => Promise<boolean>): void {
  outbox.onGuard(WEEKLY_LO_STILL_HR, async ({ userId }) => {
    const id = userId ?? '';
    if (isNamedHr(hrUserIds, id)) return true;
    if (!inHrGroup || !id.trim()) return false;
    return inHrGroup(id.trim().toLowerCase()).catch(() => 'later' as const);
  });
  // A card whose check waited out the outbox's day (Graph did not answer for an HR_GROUP_ID member)
  // is given up unsent: one line for an operator, with its week and tenant, never whose card it was
  // (stop 53; before, only telemetry's undelivered event said so). A refusal by Teams the outbox logs itself.
  outbox.onRefused(WEEKLY_LO_GIVEN_UP, async ({ week }, job) => {
    if (job.result?.code !== CHECK_UNANSWERED) return;
    logger.warn({ week, tenantId: job.tenantId }, 'a weekly learning-needs card was given up unsent: Microsoft Graph did not answer whether its HR_GROUP_ID member is still HR for the outbox\'s whole day');
  });
}

export interface WeeklyLoNoticeDeps {
  outbox: Pick<Outbox, 'queue' | 'withdraw'>;
  translator: Translator;
  /** The person's chosen language, else the organisation's (this is nobody's turn). */
  languageOf(userId: string): Promise<Language>;
}

/**
 * The week's card in each HR person's own 1:1 chat, opened by the outbox with their Entra id as the
 * half-yearly reminder is (Teams opens it only for a user of that tenant; where it refuses, the
 * outbox gives the card up and logs its job, never the person). Queued under the key: once per key.
 * `keyOutlivesErasure`: their erasure takes the card out of the outbox and leaves its key, so a
 * handover run again that week queues nothing for them. Sent only if they are still HR then
 * (`registerWeeklyLoCheck`).
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
        sendIf: { kind: WEEKLY_LO_STILL_HR, args: { userId: to.userId } },
        // The week only: whose card it was stays out of the line it logs (`registerWeeklyLoCheck`).
        onRefused: { kind: WEEKLY_LO_GIVEN_UP, args: { week: view.week } },
        keyOutlivesErasure: true,
        // As long as a handover's run record: a week told late by a later handover finds its key
        // (sent, or left blank by an erasure) and sends no second card (found in review, stop 52).
        keepSeconds: HANDOVER_RUN_KEEP_SECONDS,
      });
    },
    withdraw: (key) => deps.outbox.withdraw(key),
  };
}
