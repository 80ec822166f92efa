import { DateTime } from 'luxon';
import { z } from 'zod';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { readPayload } from '../../../scheduling/unreadable-payload';
import { RunAgainLater } from '../../../scheduling/run-again-later';
import { JOB_KINDS } from '../../../usecases/week-cycle/deps';
import { membersToOffer, offerKey } from '../../../usecases/week-cycle/offer-prof-traject';
import { BehindInWeek, CaughtUpWeek, dueReminder, startCycleSession, startPlannedSession } from '../../../usecases/week-cycle/planned-session';
import { followingSentence, tidy, weekSpan } from '../../cards/rhythm/plan-format';
import { endSession, finishClose, loadSession, rememberCard, warnOnce } from '../../../usecases/week-cycle/session-actions';
import { scheduleClose } from '../../../usecases/week-cycle/start-session';
import { checkOutOpen } from '../../../domain/week-cycle/session';
import { profTrajectOfferCard } from '../../cards/prof-traject-offer.card';
import { plannedWeeksEndCard } from '../../cards/planned-weeks-end.card';
import { markLookedBack, membersAtWeeksEnd, weeksEndGroupKey, weeksEndKey } from '../../../usecases/week-cycle/planned-weeks-end';
import { FeatureDeps } from '../feature-deps';
import { cardMessage, RENDERED_WHEN_SENT } from '../../messenger';
import { RenderedMessage } from '../../../outbox/outbox-job';
import { PRESS_KEY_WHEN_SENT } from '../../../outbox/press-keys';
import { SessionState } from '../../../domain/week-cycle/session';
import { postSummary, SESSION_CARD_RENDER, SessionPresenter, SUMMARY_RENDER } from './session-presenter';

const sessionPayload = z.object({ groupId: z.string(), sessionId: z.string() });
/** A week's end found before the week is marked complete: asked again this soon (the close's retry is near). */
const WEEKS_END_RETRY_MS = 60_000;
/** A planned session (week, day, the start it was scheduled for); jobs from before the plan name only the cycle. */
const startPayload = z.object({
  groupId: z.string(),
  cycleId: z.string().optional(),
  week: z.number().int().positive().optional(),
  day: z.number().int().min(1).max(4).optional(),
  at: z.string().optional(),
});
const slotPayload = z.object({ groupId: z.string(), week: z.number().int().positive(), day: z.number().int().min(1).max(4), at: z.string() });
const cyclePayload = z.object({ groupId: z.string(), cycleId: z.string() });

/** Time left until `at` by the app's clock: how long a message that is only right before then may wait for Teams. */
function msUntil(wc: FeatureDeps['weekCycle'], at: Date | string): number {
  return Math.max(0, new Date(at).getTime() - wc.clock.now().getTime());
}

/** The outbox's hook for a session card the rhythm posted (see rememberRhythmCard). */
const SESSION_CARD_POSTED = 'session.cardPosted';

/**
 * The rhythm's session card, built when the outbox sends it (SESSION_CARD_RENDER): the job holds
 * only the session's ids, and is about no one. One card per session (its key, also when the start
 * job runs again); `onSent` stores its id however late it goes out.
 */
function sessionCardMessage(state: SessionState, giveUpAfterMs: number): RenderedMessage {
  const { group, session } = state;
  const ref = group.conversationRef as { serviceUrl?: string; bot?: { id?: string }; conversation?: { id?: string; tenantId?: string } };
  const conversationId = ref.conversation?.id;
  if (!conversationId || !ref.serviceUrl) throw new Error('conversation reference without conversation or service URL');
  const args = { groupId: group.id, sessionId: session.id };
  return {
    key: `session.card:${group.id}:${session.id}`,
    tenantId: ref.conversation?.tenantId ?? 'unknown-tenant',
    route: { serviceUrl: ref.serviceUrl, botId: ref.bot?.id },
    target: { kind: 'conversation', conversationId },
    payload: RENDERED_WHEN_SENT,
    render: { kind: SESSION_CARD_RENDER, args },
    giveUpAfterMs: Math.round(giveUpAfterMs),
    onSent: { kind: SESSION_CARD_POSTED, args },
  };
}

/**
 * The rhythm's session card went out: it is the session's card. Told by the outbox whenever the
 * card goes out, also after the start job's wait ran out (Teams throttled the post), and again
 * after a failure, so it records the same once. A session that has a card already keeps it (a
 * member's `start` posted one meanwhile, and updates go there); an erased one has nothing to keep.
 */
async function rememberRhythmCard(wc: FeatureDeps['weekCycle'], groupId: string, sessionId: string, activityId: string): Promise<void> {
  if (!(await wc.sessions.get(groupId, sessionId))) return;
  await wc.sessions.update(groupId, sessionId, (s) => (s.cardActivityId ? s : { ...s, cardActivityId: activityId }));
}

/**
 * The group hears where a week that passed unheld went, once (the key holds the new dates), and
 * that the choice stays theirs: the plan card moves or skips it.
 */
async function tellCaughtUp(deps: FeatureDeps, { group, week, dates, following }: CaughtUpWeek): Promise<void> {
  const t = deps.translator.t(group.language);
  const text = tidy(t('rhythm.caughtUp', { week, dates: weekSpan(dates, group.language), time: group.schedule.startTime, following: followingSentence(following, group.language, t) }));
  await deps.messenger.queueText(group.conversationRef, text, `rhythm.caughtUp:${group.id}:${week}:${dates[0]}`);
}

/**
 * Days of a started week passed unheld: which day opens now, and that the week's last days (as
 * many as were missed) are the group's to start. Said once a week: a later slot that opens a day
 * behind again has nothing new to say.
 */
async function tellBehind(deps: FeatureDeps, { group, week, day, planned }: BehindInWeek): Promise<void> {
  const text = deps.translator.t(group.language)('rhythm.behind', { week, day, planned, count: planned - day });
  await deps.messenger.queueText(group.conversationRef, text, `rhythm.behind:${group.id}:${week}`);
}

/**
 * The rhythm and the time box, run by the durable scheduler (once, whichever instance claims
 * them): a planned session's reminder and start, the warning before the end, the close, and the
 * private Prof-traject offers of a group's first cycle. A paused group's reminders and starts
 * do nothing (the app was removed from its chat; see planned-session.ts).
 */
export function registerSessionJobs(scheduler: CosmosJobScheduler, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;

  deps.outbox.onRender(SUMMARY_RENDER, async ({ groupId, sessionId }) => {
    const summary = await presenter.summaryWhenSent(groupId!, sessionId!);
    return summary ? { payload: cardMessage(summary.card), stillValid: summary.stillValid } : undefined;
  });
  deps.outbox.onRender(SESSION_CARD_RENDER, async ({ groupId, sessionId }) => {
    const shared = await presenter.sharedWhenSent(groupId!, sessionId!);
    return shared ? { payload: cardMessage(shared.card), stillValid: shared.stillValid } : undefined;
  });
  // A card queued before it was rendered when sent (listing the members through `about`): an
  // erasure of one of them rebuilds it in place as one rendered when sent, instead of deleting it.
  deps.outbox.keepOlderForm(SESSION_CARD_POSTED, (job) => {
    const { groupId, sessionId } = job.onSent?.args ?? {};
    if (!groupId || !sessionId) return undefined;
    const { about: _members, ...rest } = job;
    return { ...rest, payload: RENDERED_WHEN_SENT, render: { kind: SESSION_CARD_RENDER, args: { groupId, sessionId } } };
  });
  deps.outbox.onSent(SESSION_CARD_POSTED, async ({ groupId, sessionId }, { activityId }) => {
    if (groupId && sessionId && activityId) await rememberRhythmCard(wc, groupId, sessionId, activityId);
  });

  // The job's id is the step's key: a run that failed after its step was stored says it on the retry; the outbox keys keep it once.
  scheduler.on(JOB_KINDS.sessionWarning, async (payload, job) => {
    const { groupId, sessionId } = readPayload(sessionPayload, payload);
    const { state, warned } = await warnOnce(wc, groupId, sessionId, job.id);
    if (state.session.status === 'open') await scheduleClose(wc, state.session);
    // A run retried after the session's hour (the scheduler retries for a day) says nothing: "N
    // minutes left" about a session that is over. The outbox's budget limits only its retries.
    if (!warned || msUntil(wc, state.session.endsAt) <= 0) return;
    // "N minutes left" is wrong once the session has ended: Teams' failures are retried until then only.
    await deps.messenger.text(state.group.conversationRef, deps.translator.t(state.group.language)('session.warningMessage', { count: wc.session.warningMinutes }), `warning:${sessionId}`, { giveUpAfterMs: msUntil(wc, state.session.endsAt) });
    // The card as stored now, not as read before the message: Teams may have held the message
    // (a 429's Retry-After) while a member moved the group on, whose card must stay the last word.
    const stored = await loadSession(wc, groupId, sessionId);
    // An edit re-renders every member's card and drops what they were typing. It is worth that
    // only when it brings the check-out; once the group reached the last question everyone already has it.
    if (!checkOutOpen({ ...stored.session, warned: false }, stored.session.questionIds.length)) await presenter.pushShared(groupId, sessionId, stored);
  });

  // Also for a session a member closed: what follows a close is idempotent, and a press whose follow-ups failed schedules this job to finish them.
  scheduler.on(JOB_KINDS.sessionClose, async (payload, job) => {
    const { groupId, sessionId } = readPayload(sessionPayload, payload);
    const { state, closed } = await endSession(wc, groupId, sessionId, undefined, job.id);
    await finishClose(wc, state);
    if (closed) await presenter.pushShared(groupId, sessionId, state);
    await postSummary(deps, state);
  });

  scheduler.on(JOB_KINDS.sessionStart, async (payload) => {
    const { groupId, cycleId, week, day, at } = readPayload(startPayload, payload);
    const next = week && day && at ? await startPlannedSession(wc, groupId, { week, day, at }, (moved) => tellCaughtUp(deps, moved), (b) => tellBehind(deps, b)) : await startCycleSession(wc, groupId, cycleId);
    if (!next || next.kind !== 'session' || next.state.session.cardActivityId) return;
    // The card is rendered when it goes out (its refresh list holds the members' Teams ids): a
    // member erased while it waits for Teams is not on it, and the group still gets it.
    // A card that came after the session's end would show it still open: Teams' failures are retried until the end only.
    // One card per session (its key, also when this job runs again), and its id is stored however
    // late it goes out (the hook): the wait below runs out when Teams throttles the post.
    const id = (await deps.outbox.deliver(sessionCardMessage(next.state, msUntil(wc, next.state.session.endsAt)))).activityId;
    if (id) await rememberCard(wc, next.state, id);
  });

  scheduler.on(JOB_KINDS.sessionReminder, async (payload, job) => {
    const slot = readPayload(slotPayload, payload);
    const due = await dueReminder(wc, slot.groupId, slot);
    if (!due) return;
    const { group, session } = due;
    const minutes = Math.max(1, Math.round((session.at.getTime() - wc.clock.now().getTime()) / 60_000));
    const time = DateTime.fromJSDate(session.at, { zone: group.schedule.timeZone }).toFormat('HH:mm');
    // The day that will open: an earlier one than the slot's when a day of the week passed unheld.
    const text = deps.translator.t(group.language)('rhythm.reminder', { count: minutes, day: due.day, week: session.week, time });
    // "Starts in N minutes" is wrong once it has started: Teams' failures are retried until then only.
    await deps.messenger.text(group.conversationRef, text, `rhythm:${job.id}`, { giveUpAfterMs: msUntil(wc, session.at) });
  });

  scheduler.on(JOB_KINDS.profTrajectOffer, async (payload) => {
    const { groupId, cycleId } = readPayload(cyclePayload, payload);
    const { group, members } = await membersToOffer(wc, groupId, cycleId);
    if (!group) return;
    // In the member's own 1:1 chat: in the language they chose there (else their Teams client's, as kept), as the form it opens is.
    for (const m of members) {
      const language = (await deps.personalLanguage(m.id)) ?? group.language;
      const card = profTrajectOfferCard({ groupName: group.name, plannedWeeks: group.plannedWeeks }, deps.translator.t(language));
      await deps.messenger.toPerson(group.conversationRef, { teamsId: m.teamsId, userId: m.id }, card, offerKey(group.id, m.id), undefined, { formerKeyFirst: true });
    }
  });

  scheduler.on(JOB_KINDS.plannedWeeksEnd, async (payload) => {
    const { groupId, cycleId } = readPayload(cyclePayload, payload);
    const { group, members, notYet, leftOpen } = await membersAtWeeksEnd(wc, groupId, cycleId);
    if (notYet) throw new RunAgainLater(new Date(wc.clock.now().getTime() + WEEKS_END_RETRY_MS), 'the last planned week is not marked complete yet');
    if (!group) return;
    const groupT = deps.translator.t(group.language);
    // A week that ended with a group question open is not called finished: the line says what is open and how to finish it.
    await deps.messenger.queueText(group.conversationRef, groupT(leftOpen ? 'weeksEnd.groupTextOpen' : 'weeksEnd.groupText', { count: group.plannedWeeks }), weeksEndGroupKey(cycleId));
    // Each invitation in the member's own 1:1 chat, in the language they chose there (else their Teams client's, as kept); a run again
    // (after a fault part-way) finds the ones queued by their key and adds none.
    for (const m of members) {
      const language = (await deps.personalLanguage(m.id)) ?? group.language;
      // Its save's key is minted by the outbox when it sends the card: the queued job never holds it.
      const card = plannedWeeksEndCard({ groupName: group.name, plannedWeeks: group.plannedWeeks, key: PRESS_KEY_WHEN_SENT, ...(leftOpen ? { leftOpen } : {}) }, deps.translator.t(language));
      await deps.messenger.toPerson(group.conversationRef, { teamsId: m.teamsId, userId: m.id }, card, weeksEndKey(cycleId, m.id), undefined, { formerKeyFirst: true });
    }
    // Once for good: a job for this week scheduled again after this one and its keys expired invites nobody.
    await markLookedBack(wc, groupId, cycleId);
  });
}
