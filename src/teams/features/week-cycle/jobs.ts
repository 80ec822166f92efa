import { z } from 'zod';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { JOB_KINDS } from '../../../usecases/week-cycle/deps';
import { endSession, rememberCard, warnOnce } from '../../../usecases/week-cycle/session-actions';
import { scheduleClose, startNextSession } from '../../../usecases/week-cycle/start-session';
import { FeatureDeps } from '../feature-deps';
import { SessionPresenter } from './session-presenter';

const sessionPayload = z.object({ groupId: z.string(), sessionId: z.string() });
const groupPayload = z.object({ groupId: z.string(), cycleId: z.string().optional() });

/** The time box and the daily start, run by the durable scheduler (once, whichever instance claims them). */
export function registerSessionJobs(scheduler: CosmosJobScheduler, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;

  scheduler.on(JOB_KINDS.sessionWarning, async (payload) => {
    const { groupId, sessionId } = sessionPayload.parse(payload);
    const { state, warned } = await warnOnce(wc, groupId, sessionId);
    if (state.session.status === 'open') await scheduleClose(wc, state.session);
    if (!warned) return;
    await deps.messenger.text(state.group.conversationRef, deps.translator.t(state.group.language)('session.warningMessage', { minutes: wc.session.warningMinutes }));
    await presenter.pushShared(groupId, sessionId, state);
  });

  scheduler.on(JOB_KINDS.sessionClose, async (payload) => {
    const { groupId, sessionId } = sessionPayload.parse(payload);
    const { state, closed } = await endSession(wc, groupId, sessionId);
    if (!closed) return;
    await presenter.pushShared(groupId, sessionId, state);
    await deps.messenger.post(state.group.conversationRef, await presenter.summary(state));
  });

  scheduler.on(JOB_KINDS.sessionStart, async (payload) => {
    const { groupId, cycleId } = groupPayload.parse(payload);
    const next = await startNextSession(wc, groupId, undefined, { cycleId });
    if (next.kind !== 'session' || next.state.session.cardActivityId) return;
    const id = await deps.messenger.post(next.state.group.conversationRef, presenter.shared(next.state));
    if (id) await rememberCard(wc, next.state, id);
  });
}
