import { randomUUID } from 'node:crypto';
import { PersonalAnswer } from '../../../domain/personal/personal-answer';
import { DeliveryStatus } from '../../../domain/outbox/outbox.port';
import { Group } from '../../../domain/week-cycle/group';
import { SessionState } from '../../../domain/week-cycle/session';
import { loadSession } from '../../../usecases/week-cycle/session-actions';
import { buildSessionView } from '../../../usecases/week-cycle/session-view';
import { buildSummaryView } from '../../../usecases/week-cycle/summary-view';
import { AdaptiveCardJson, forActionExecuteClient } from '../../cards/card-kit';
import { sessionCard } from '../../cards/session.card';
import { sessionSummaryCard } from '../../cards/session-summary.card';
import { ActionOutcome } from '../../card-actions';
import { FeatureDeps } from '../feature-deps';
import { RefusedForm } from './refusal-forms';

/** A set that forgets its oldest entries beyond `max`. */
class BoundedSet<T> {
  private readonly items = new Set<T>();
  constructor(private readonly max: number) {}
  add(item: T): void {
    this.items.delete(item);
    this.items.add(item);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as T);
  }
  has(item: T): boolean {
    return this.items.has(item);
  }
}

/** The outbox key of a session's summary: whoever posts it (a member's close, the clock), it goes out once. */
export const summaryKey = (sessionId: string) => `summary:${sessionId}`;

/** The outbox hook that builds a session's summary when it is sent. */
export const SUMMARY_RENDER = 'weekCycle.sessionSummary';

/**
 * The outbox hook that builds a session's shared card when it is sent: the rhythm's card, which
 * lists every member (its refresh list), so the queued job holds no one and an erasure leaves it.
 */
export const SESSION_CARD_RENDER = 'weekCycle.sessionCard';

/**
 * Posts a session's summary, built when the outbox sends it from what is stored then: a summary
 * queued (or still being written) while a member it credits was erased goes out without them,
 * and the queued job never holds what it says. While an erasure in the group is under way the
 * summary waits in the outbox (its render fails, and is tried again).
 */
export function postSummary(deps: FeatureDeps, state: SessionState): Promise<string | undefined> {
  return deps.messenger.postRendered(state.group.conversationRef, { kind: SUMMARY_RENDER, args: { groupId: state.group.id, sessionId: state.session.id } }, summaryKey(state.session.id));
}

/** Teams refused it for good, or it was never sent: worth sending again once the chat takes messages. */
const NOT_DELIVERED: readonly DeliveryStatus[] = ['undeliverable', 'failed', 'skipped'];

/**
 * The summaries Teams refused for good while the app was out of the group's chat (a session's
 * time box closed meanwhile, or just before Teams told the app it was removed): posted once when
 * the app is added back, under a key of that absence (`pausedAt`), so Teams delivering the
 * install again posts nothing twice. Sessions of the current cycle only: an earlier week's summary is old news.
 */
export async function postSummariesNotDelivered(deps: FeatureDeps, group: Group, pausedAt: string): Promise<number> {
  if (!group.currentCycleId) return 0;
  const cycle = await deps.weekCycle.sessions.loadCycle(group.id, group.currentCycleId);
  let posted = 0;
  for (const session of cycle?.sessions ?? []) {
    if (session.status !== 'closed' || !NOT_DELIVERED.includes((await deps.outbox.statusOf(summaryKey(session.id))) ?? 'sent')) continue;
    await deps.messenger.postRendered(group.conversationRef, { kind: SUMMARY_RENDER, args: { groupId: group.id, sessionId: session.id } }, `${summaryKey(session.id)}:back:${pausedAt}`);
    posted++;
  }
  return posted;
}

/**
 * Renders session cards from one state read: the neutral shared card, and each member's own
 * view. Every rendering gets a fresh idempotency key for the actions on it.
 */
export class SessionPresenter {
  /**
   * Session cards this instance turned into a notice while their session may be stored with them
   * as its card (an opening whose outcome the store could not tell): a press that finds such a
   * session posts it a live card. Bounded: only the latest are kept.
   */
  readonly withdrawnCards = new BoundedSet<string>(500);

  constructor(private readonly deps: FeatureDeps) {}

  shared(state: SessionState): AdaptiveCardJson {
    return sessionCard(buildSessionView(this.deps.weekCycle, state, randomUUID()), this.deps.translator.t(state.group.language));
  }

  /**
   * A member's own view. `answersExecute`: it is the answer to their Action.Execute press (see
   * `answersExecute` in session.handlers), shown only by their client, so it goes without the
   * Action.Submit fallbacks; on the Submit fallback it keeps them (it may replace a message).
   */
  personal(state: SessionState, viewerId: string, ownAnswer?: PersonalAnswer, refused?: RefusedForm, answersExecute = false): AdaptiveCardJson {
    const build = () => sessionCard(buildSessionView(this.deps.weekCycle, state, randomUUID(), { id: viewerId, ownAnswer }, refused), this.deps.translator.t(state.group.language));
    return answersExecute ? forActionExecuteClient(build) : build();
  }

  async summary(state: SessionState): Promise<AdaptiveCardJson> {
    return sessionSummaryCard(await buildSummaryView(this.deps.weekCycle, state), state.group.id, this.deps.translator.t(state.group.language));
  }

  /**
   * The summary as the outbox sends it (see `postSummary`); none for a session that is gone. It
   * holds while no erasure in the group began or ended since it was built (checked again right
   * before the call, after the sender's waits; counted, not timed: two may end in one millisecond).
   */
  summaryWhenSent(groupId: string, sessionId: string): Promise<{ card: AdaptiveCardJson; stillValid: () => Promise<boolean> } | undefined> {
    return this.whenSent(groupId, sessionId, 'summary', (state) => this.summary(state));
  }

  /**
   * The shared card as the outbox sends it (see SESSION_CARD_RENDER): its refresh list and what it
   * shows are those of the group as it is then, so a member erased while it waited is not on it.
   * It holds as the summary does (an erasure under way in the group makes it wait).
   */
  sharedWhenSent(groupId: string, sessionId: string): Promise<{ card: AdaptiveCardJson; stillValid: () => Promise<boolean> } | undefined> {
    return this.whenSent(groupId, sessionId, 'session card', async (state) => this.shared(state));
  }

  /** A card built from the session as stored when the outbox sends it, valid while no erasure in the group began or ended. */
  private async whenSent(groupId: string, sessionId: string, what: string, build: (state: SessionState) => Promise<AdaptiveCardJson>): Promise<{ card: AdaptiveCardJson; stillValid: () => Promise<boolean> } | undefined> {
    const state = await this.deps.weekCycle.sessions.loadState(groupId, sessionId);
    if (!state) return undefined;
    if (state.group.erasing?.length) throw new Error(`an erasure in the group is under way; the ${what} waits for it`);
    const builtFrom = { at: state.group.lastErasureAt, done: state.group.erasuresDone ?? 0 };
    const stillValid = async () => {
      const group = await this.deps.weekCycle.groups.get(groupId);
      return !!group && !group.erasing?.length && (group.erasuresDone ?? 0) === builtFrom.done && group.lastErasureAt === builtFrom.at;
    };
    return { card: await build(state), stillValid };
  }

  /**
   * The usual outcome of a session action: the actor's own view, and the shared card for everyone,
   * built only if it goes out (in a burst of clicks, only the newest does), from the session as
   * stored then when pacing held it back.
   */
  outcome(state: SessionState, viewerId: string, ownAnswer?: PersonalAnswer, answersExecute = false): ActionOutcome {
    return {
      card: this.personal(state, viewerId, ownAnswer, undefined, answersExecute),
      personal: true,
      shared: { now: () => this.shared(state), fresh: async () => this.shared(await loadSession(this.deps.weekCycle, state.group.id, state.session.id)) },
    };
  }

  /**
   * The outcome of a member's own addition (an answer, a check-in, presence, a judgement): their
   * own view, and the shared message left as it is, so that nobody's half-typed input is wiped
   * by someone else's click. The group's next step brings the shared card up to date.
   */
  added(state: SessionState, viewerId: string, ownAnswer?: PersonalAnswer, answersExecute = false): ActionOutcome {
    // Added to the fresh outcome rather than spread into a copy: see card-kit's `extended`.
    return Object.assign(this.outcome(state, viewerId, ownAnswer, answersExecute), { quiet: true });
  }

  /**
   * Updates the shared card outside a turn (AI draft ready, time box), where it was posted, in the
   * same paced lane as the clicks: an update Teams throttles is retried there, and a newer step
   * pressed meanwhile goes out after it, so the older card never lands last.
   */
  async pushShared(groupId: string, sessionId: string, state?: SessionState): Promise<void> {
    const wc = this.deps.weekCycle;
    const current = state ?? (await loadSession(wc, groupId, sessionId));
    const activityId = current.session.cardActivityId;
    if (!activityId) return;
    const lanes = this.deps.actions.sharedCards;
    const ref = current.group.conversationRef as { serviceUrl?: string; bot?: { id?: string }; conversation?: { id?: string; tenantId?: string } };
    if (!lanes || !ref.serviceUrl || !ref.conversation?.id) return this.deps.messenger.update(current.group.conversationRef, activityId, this.shared(current));
    const target = { route: { serviceUrl: ref.serviceUrl, botId: ref.bot?.id, tenantId: ref.conversation.tenantId }, conversationId: ref.conversation.id, activityId };
    await lanes.pushAndWait(target, { now: () => this.shared(current), fresh: async () => this.shared(await loadSession(wc, groupId, sessionId)) });
  }
}
