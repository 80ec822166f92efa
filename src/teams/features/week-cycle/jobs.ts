import { z } from 'zod';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { JOB_KINDS } from '../../../usecases/week-cycle/deps';
import { loadGroup } from '../../../usecases/week-cycle/membership';
import { endSession, rememberCard, warnOnce } from '../../../usecases/week-cycle/session-actions';
import { startNextSession } from '../../../usecases/week-cycle/start-session';
import { FeatureDeps } from '../feature-deps';
import { SessionPresenter } from './session-presenter';

const sessionPayload = z.object({ groupId: z.string(), sessionId: z.string() });
const groupPayload = z.object({ groupId: z.string() });

/** The time box and the daily start, run by the durable scheduler (once, whichever instance claims them). */
export function registerSessionJobs(scheduler: CosmosJobScheduler, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;

  scheduler.on(JOB_KINDS.sessionWarning, async (payload) => {
    const { groupId, sessionId } = sessionPayload.parse(payload);
    const { session, warned } = await warnOnce(wc, groupId, sessionId);
    if (!warned) return;
    const group = await loadGroup(wc, groupId);
    await deps.messenger.text(group.conversationRef, deps.translator.t(group.language)('session.warningMessage', { minutes: wc.session.warningMinutes }));
    await presenter.pushShared(group, session);
  });

  scheduler.on(JOB_KINDS.sessionClose, async (payload) => {
    const { groupId, sessionId } = sessionPayload.parse(payload);
    const { session, closed } = await endSession(wc, groupId, sessionId);
    if (!closed) return;
    const group = await loadGroup(wc, groupId);
    await presenter.pushShared(group, session);
    await deps.messenger.post(group.conversationRef, await presenter.summary(group, session));
  });

  scheduler.on(JOB_KINDS.sessionStart, async (payload) => {
    const { groupId } = groupPayload.parse(payload);
    const next = await startNextSession(wc, groupId);
    if (next.kind !== 'session' || !next.created) return;
    const group = await loadGroup(wc, groupId);
    const id = await deps.messenger.post(group.conversationRef, await presenter.shared(group, next.session));
    if (id) await rememberCard(wc, groupId, next.session.id, id);
  });
}
