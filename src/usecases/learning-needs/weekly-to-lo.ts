import { batchIdOf } from '../../domain/learning-needs/learning-need';
import { LearningNeedStore } from '../../domain/learning-needs/ports';
import { TenantRoutes, weeklyLoKey, weeklyLoView, WeeklyLoNotices } from '../../domain/learning-needs/weekly-to-lo';
import { erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';

export interface WeeklyLoDeps {
  store: Pick<LearningNeedStore, 'getBatch' | 'batchesOfWeek'>;
  /** Read only: whether an HR person's erasure is under way (their erasure ticket). */
  records: Pick<PersonalRecordRepository, 'get'>;
  minimum: number;
  /** HR_USER_IDS: the HR/L&O people the app can name. Members of HR_GROUP_ID cannot be listed (`hrGroup`). */
  hrUserIds: readonly string[];
  /** Whether HR_GROUP_ID is set: its members get no card, and the outcome says so. */
  hrGroup: boolean;
  routes: TenantRoutes;
  notices: WeeklyLoNotices;
}

export type WeeklyLoOutcome =
  /** No batch of this tenant this week (nothing handed over): nothing to tell. */
  | { result: 'noBatch' }
  /** Nothing of the handover may be shown (every theme and the rest below the minimum): no card. */
  | { result: 'nothingPublishable' }
  /** The app knows no conversation of the tenant (or Teams named no tenant): nowhere to send from. */
  | { result: 'noRoute' }
  | { result: 'queued'; hr: number; erasing: number; hrGroupNotListed: boolean };

/**
 * After the week's handover: every tenant whose batch of the week was written is told (below), also
 * a batch an earlier run of this week wrote before it stopped (whose people were stripped since, so
 * the handover itself reports nothing of it). One outcome per tenant, counts only.
 */
export async function tellLoOfWeek(deps: WeeklyLoDeps, week: string): Promise<({ tenantId: string } & WeeklyLoOutcome)[]> {
  const tenants = [...new Set((await deps.store.batchesOfWeek(week)).map((b) => b.tenantId).filter((t): t is string => t !== undefined))].sort();
  const outcomes: ({ tenantId: string } & WeeklyLoOutcome)[] = [];
  for (const tenantId of tenants) outcomes.push({ tenantId, ...(await tellLoOfHandover(deps, tenantId, week)) });
  return outcomes;
}

/**
 * After a tenant's weekly handover wrote its batch (or found it written: a run again after a
 * crash), each HR person the app can name gets one card in their own 1:1 chat, under a key of
 * tenant, week and person, so however often the handover runs the outbox holds one. Someone
 * whose erasure is under way gets none; one who erases after it was queued takes it out of the
 * outbox and leaves its key (the card's `keyOutlivesErasure`), so a run again queues nothing.
 * Only in the scheduled handover, never a member's turn. The outcome holds counts only.
 */
export async function tellLoOfHandover(deps: WeeklyLoDeps, tenantId: string, week: string): Promise<WeeklyLoOutcome> {
  const batch = await deps.store.getBatch(batchIdOf(week, tenantId));
  if (!batch || batch.tenantId !== tenantId) return { result: 'noBatch' };
  const view = weeklyLoView(batch, deps.minimum);
  if (!view) return { result: 'nothingPublishable' };
  const route = tenantId ? await deps.routes.routeOf(tenantId) : undefined;
  if (!route) return { result: 'noRoute' };
  const hrIds = [...new Set(deps.hrUserIds.map((id) => id.trim().toLowerCase()).filter(Boolean))];
  let queued = 0;
  let erasing = 0;
  for (const userId of hrIds) {
    const ticket = await deps.records.get(userId, erasureTicketId(userId));
    if (ticket?.type === 'erasureTicket') {
      erasing++;
      continue;
    }
    const key = weeklyLoKey(tenantId, week, userId);
    await deps.notices.toLo({ tenantId, route, userId }, view, key);
    // Read again after the queue: an erasure that began meanwhile purged the outbox before this card was in it.
    if ((await deps.records.get(userId, erasureTicketId(userId)))?.type === 'erasureTicket') {
      await deps.notices.withdraw(key);
      erasing++;
      continue;
    }
    queued++;
  }
  return { result: 'queued', hr: queued, erasing, hrGroupNotListed: deps.hrGroup };
}
