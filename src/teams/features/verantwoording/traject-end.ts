import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { Locale } from '../../../i18n/i18n';
import { PRESS_KEY_WHEN_SENT } from '../../../outbox/press-keys';
import { readPayload } from '../../../scheduling/unreadable-payload';
import { markTrajectEndQueued, recordSessionWeek, TrajectEndDue, trajectEndDue } from '../../../usecases/verantwoording/active-weeks';
import { JOB_KINDS } from '../../../usecases/week-cycle/deps';
import { JobHandler } from '../../../scheduling/cosmos-job-scheduler';
import { trajectEndCard } from '../../cards/verantwoording/traject-end.card';
import { TeamsMessenger } from '../../messenger';
import { actorOf } from '../../turn';
import { VerantwoordingFeatureDeps } from './deps';

/** What the look-back at the end of a person's Prof-traject needs besides the verantwoording's own. */
export interface TrajectEndDeps extends VerantwoordingFeatureDeps {
  messenger: Pick<TeamsMessenger, 'toPerson'>;
  /** The language a person chose in their 1:1 chat, if they did. */
  personalLanguage(userId: string): Promise<Locale | undefined>;
}

const sessionPayload = z.object({ groupId: z.string(), sessionId: z.string() });

/**
 * Queues the card under its key (the outbox keeps one), then marks the end, so a later week
 * invites nobody again. Its save's key is minted by the outbox when it sends the card: the queued
 * job never holds the key the look-back's note will be keyed with.
 */
async function invite(deps: TrajectEndDeps, ref: Record<string, unknown>, person: { teamsId: string; userId: string }, due: TrajectEndDue, locale: Locale, opts: { formerKeyFirst?: true } = {}): Promise<void> {
  const card = trajectEndCard({ plannedWeeks: due.traject.plannedWeeks, key: PRESS_KEY_WHEN_SENT }, deps.translator.t(locale));
  // Keyed by the outbox (a private message, stop 62); the scheduled job also finds one queued under the plain key before.
  await deps.messenger.toPerson(ref, person, card, due.key, undefined, opts);
  await markTrajectEndQueued(deps.verantwoording, due);
}

/**
 * The job after a session closed (scheduled by finishClose): its week is recorded as active for
 * each who attended, and whoever reached their Prof-traject's planned weeks with it gets the
 * look-back in their own 1:1 chat, in the language they chose there. A run again (a fault part
 * way, a second instance) records nothing twice and queues no second card (the outbox key, and the
 * end's mark once queued).
 */
export function trajectEndJob(deps: TrajectEndDeps): JobHandler {
  return async (payload) => {
    const { groupId, sessionId } = readPayload(sessionPayload, payload);
    const { group, due } = await recordSessionWeek(deps.verantwoording, groupId, sessionId);
    if (!group) return;
    for (const d of due) {
      const locale = (await deps.personalLanguage(d.userId)) ?? group.language;
      await invite(deps, group.conversationRef, { teamsId: d.person.teamsId, userId: d.userId }, d, locale, { formerKeyFirst: true });
    }
  };
}

export function registerTrajectEndJob(scheduler: { on(kind: string, handler: JobHandler): unknown }, deps: TrajectEndDeps): void {
  scheduler.on(JOB_KINDS.activeWeeks, trajectEndJob(deps));
}

/**
 * After time was recorded in the person's 1:1 chat (their own partition, not a session's turn): a
 * week it made active may reach their planned weeks. Never fails the save that was stored: a
 * failure is logged, and the next session they attend checks again.
 */
export async function lookBackIfDue(deps: VerantwoordingFeatureDeps, userId: string, context: TurnContext, locale: Locale): Promise<void> {
  const teamsId = context.activity.from?.id;
  if (!deps.messenger || !teamsId) return;
  try {
    const records = (await deps.verantwoording.records.listAll(userId)).filter((r) => r.userId === userId);
    const due = trajectEndDue(userId, records);
    if (!due) return;
    const ref = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    await invite({ ...deps, messenger: deps.messenger, personalLanguage: async () => locale }, ref, { teamsId, userId: actorOf(context).id }, due, locale);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'time recorded; the Prof-traject look-back check failed');
  }
}
