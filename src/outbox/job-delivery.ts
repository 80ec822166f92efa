import type { Logger } from '../log/logger';
import { Backoff, backoffMs, classify, Outcome } from './delivery-outcome';
import { JobTransitions } from './job-transitions';
import { statusOf } from '../store/document-store';
import { OutboxStore, Versioned } from '../store/outbox.store';
import { conversationKeyOf, leavesNoTrace, OutboxJob } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';
import { Rendered, SenderHooks } from './sender-options';
import { TakeoverPause } from './takeover-pause';
import { TenantLeases } from './tenant-leases';
import { OutboxTransport, TransportError, TransportResponse } from './transport';

/** With less than this left on the tenant lease, it is renewed before a job is claimed. */
const LEASE_LEFT_TO_CLAIM_MS = 1000;

export interface JobDeliveryDeps {
  store: OutboxStore;
  transport: OutboxTransport;
  limiter: TeamsRateLimiter;
  leases: TenantLeases;
  takeover: TakeoverPause;
  transitions: JobTransitions;
  hooks: SenderHooks;
  logger: Logger;
  backoff: Backoff;
  /** Takes back a job that was handed back unsent, to try again in its turn. */
  requeue(job: Versioned<OutboxJob>): void;
  /** True once the sender "crashed" (see OutboxSender.halt): nothing more is sent or recorded. */
  halted(): boolean;
  /** True once the sender is stopping (see OutboxSender.stop): a job not yet claimed stays pending, for the next instance. */
  stopping(): boolean;
}

/** Delivers one job: the guard, its payload, the 1:1 chat, the rate limits, the claim, the call, the outcome. */
export class JobDelivery {
  constructor(private readonly d: JobDeliveryDeps) {}

  /** Returns whether the job was handled by this sender (sent, finished or rescheduled). */
  async deliver(job: Versioned<OutboxJob>): Promise<boolean> {
    const { leases, transitions, limiter } = this.d;
    // A finished job whose hook is still to run (onSent once sent, onRefused once given up): the
    // hook, never the message again. Only a pending job is ever sent.
    if (job.status !== 'pending') return transitions.retryHook(job);
    if (!(await leases.hold(job.tenantId))) return false;
    let allowed: boolean | 'later' = true;
    let rendered: Rendered | undefined = { payload: job.payload };
    try {
      if (job.guard || job.sendIf) allowed = await this.d.hooks.guard(job);
      // A rendered job's payload is built now, from what is true now (what a person shares), and
      // is never stored: the job keeps its placeholder. Before the waits, as the guard.
      if (allowed && job.render) rendered = await this.d.hooks.render(job);
    } catch (err) {
      // When the check itself fails, wait: sending anyway could nudge someone who already answered.
      // Later, not at once: a check that keeps failing (a summary waiting for an erasure) is no busy loop.
      this.d.logger.warn(leavesNoTrace(job) ? { err: (err as Error).message } : { jobId: job.id, err: (err as Error).message }, 'outbox guard or render failed; job stays pending');
      await transitions.defer(job);
      return true;
    }
    // Not yet (a reminder round still being queued): due again later, as a check that failed, and not an attempt.
    if (allowed === 'later') {
      await transitions.defer(job);
      return true;
    }
    if (!allowed || !rendered) {
      const claimed = await transitions.claim(job);
      if (claimed) await transitions.finish(claimed, 'skipped', {});
      return Boolean(claimed);
    }
    // Open the 1:1 chat first: creating it again is harmless (Teams returns the same chat).
    let conversationId: string;
    let openedNow = false;
    if (job.target.kind === 'person') {
      const opened = await this.personalConversation(job);
      if (!opened.ok) {
        const claimed = await transitions.claim(job);
        if (claimed) await transitions.apply(claimed, opened.outcome);
        return Boolean(claimed);
      }
      conversationId = opened.conversationId;
      openedNow = opened.remembered;
    } else {
      conversationId = job.target.conversationId;
    }
    // Teams counts a chat's calls per chat: a person's 1:1 chat, addressed by person or by its
    // conversation id, has one rate window (its lane, for order, stays the address's).
    const rateKey = job.target.kind === 'person' ? conversationKeyOf({ target: { kind: 'conversation', conversationId } }) : job.conversationKey;
    await this.d.takeover.wait(job.tenantId);
    if ((await limiter.acquire(job.tenantId, rateKey, { unlessPaused: true })) === undefined) return this.waitForPausedChat(job, rateKey);
    // The waits (a render, the rate limiter, a takeover pause) may have outlasted the start of a
    // stop: no call is begun that the process's exit could cut off, in doubt.
    if (this.d.halted() || this.d.stopping()) return false;
    // The lease may have run low while waiting for the limiter; never send on a lapsing lease.
    if (leases.remainingMs(job.tenantId) < LEASE_LEFT_TO_CLAIM_MS && !(await leases.hold(job.tenantId))) return false;
    // The claim comes last, right before the call: a crash before it leaves the job pending (sent
    // by the next sender), so only a call that may really have gone out is in doubt.
    // What was rendered goes to the onSent hook with the job (stored by the claim).
    const toClaim = rendered.sentArgs && job.onSent ? { ...job, onSent: { ...job.onSent, args: { ...job.onSent.args, ...rendered.sentArgs } } } : job;
    // A job with a re-check is claimed as `rechecking` (no call yet): a sender stopping in that read leaves it pending, not in doubt.
    let claimed = await transitions.claim(toClaim, { recheck: Boolean(rendered.stillValid) });
    if (!claimed) {
      if (openedNow) await this.forgetChatOfErasedJob(job);
      return false;
    }
    if (rendered.stillValid) {
      // A "no": rendered again at once. A check that could not answer: put off, as a failed render.
      const valid = await rendered.stillValid().catch((err: Error) => err);
      if (valid !== true) {
        this.d.logger.debug(job.guard ? {} : { jobId: job.id }, valid === false ? 'outbox job handed back unsent: what it was rendered from changed during its waits' : 'outbox job handed back unsent: its re-check failed');
        const back = await transitions.unclaim(claimed);
        if (back && valid === false) this.d.requeue(back);
        else if (back) await transitions.defer(back);
        return valid !== false;
      }
      // The re-check (a store read, retried for seconds under throttling) may have outlasted the
      // start of a stop: the job goes back pending, as recoverAbandoned would hand it back, and no
      // call is begun that the process's exit could cut off. (If this write fails, the job stays
      // `rechecking`, which recoverAbandoned makes pending again after its lease.)
      if (this.d.stopping()) {
        await transitions.unclaim(claimed);
        return false;
      }
      // Only now may the call go out. A write that fails leaves the job `rechecking`: pending again after its lease.
      claimed = await transitions.rechecked(claimed);
      if (!claimed || this.d.halted()) return false;
    }
    // A call goes out only while the lease runs: the next holder's takeover pause counts from its end.
    if (leases.remainingMs(job.tenantId) <= 0 || !limiter.tryDepart(job.tenantId, rateKey)) {
      // The claim took longer than the rate window or the lease allow: hand the job back unsent.
      // Only a job that is sent gets this far: a guarded one is not named (who gets a nudge is who has not answered).
      this.d.logger.debug(job.guard ? {} : { jobId: job.id }, 'outbox job handed back unsent: its claim outlasted its rate slot or the lease');
      const back = await transitions.unclaim(claimed);
      if (back) this.d.requeue(back);
      return false;
    }
    const outcome = await this.call(claimed, conversationId, rendered.payload);
    // A halted sender has "crashed": what came back is lost with it.
    if (this.d.halted()) return false;
    // Throttled in a person's chat: the chat's messages sent by its conversation id wait as well
    // (both keys are paused with the outcome, JobTransitions).
    await transitions.apply(claimed, outcome, rateKey);
    return true;
  }

  /**
   * The job's chat is paused after a 429 (Retry-After), maybe one on its other address (a
   * person's 1:1 chat is also sent to by its conversation id). The job waits unclaimed in its lane,
   * which is paused as long (ConversationLanes.pick passes it over, and its later jobs with it), not
   * in a worker asleep in the rate limiter for the whole Retry-After, which a stop would wait out.
   */
  private waitForPausedChat(job: Versioned<OutboxJob>, rateKey: string): false {
    this.d.limiter.pauseConversation(job.conversationKey, this.d.limiter.pausedFor(rateKey));
    this.d.logger.debug(job.guard ? {} : { jobId: job.id }, 'outbox job handed back unclaimed: its chat is paused after a 429');
    this.d.requeue(job);
    return false;
  }

  /**
   * The claim found the job changed, and this delivery just remembered the person's chat, opened
   * for it: when the job is gone, an erasure took it out, maybe after it looked for the chat and
   * before the chat was remembered, which would then outlive the erasure (found in review, stop 60).
   * It is forgotten again; at worst (another sender finished the job and it went) the chat is
   * opened once more. One point read, and a delete, only for a chat opened just now.
   */
  private async forgetChatOfErasedJob(job: Versioned<OutboxJob>): Promise<void> {
    try {
      if (job.target.kind !== 'person' || (await this.d.store.get(job.id))) return;
      await this.d.store.forgetPersonalConversation(job.tenantId, job.target.userId);
    } catch (err) {
      // Never the end of the sender's round; the status only, as for a move (found in review, stop 60).
      this.d.logger.warn({ status: statusOf(err) }, 'outbox could not forget a 1:1 chat opened for a job that is gone');
    }
  }

  private async personalConversation(job: OutboxJob): Promise<{ ok: true; conversationId: string; remembered: boolean } | { ok: false; outcome: Outcome }> {
    if (job.target.kind !== 'person') throw new Error('not a person');
    const userId = job.target.userId;
    // A guarded job changes nothing here: a chat remembered (or an owner recorded) only for those
    // its guard let through would say who they were (see leavesNoTrace). Teams returns the same
    // chat when it is opened again, so such a job costs one call more where no chat is known.
    const remember = !leavesNoTrace(job);
    const known = await this.d.store.personalConversationDoc(job.tenantId, userId);
    if (known) {
      try {
        // One remembered in the old shape (its id a plain hash, its owner in clear): moved to the keyed
        // one now, so such documents go as they are used (two requests, once per person).
        if (remember && known.older) await this.d.store.movePersonalConversation(job.tenantId, userId, known.older, job.target.appUserId);
        // A chat remembered before its owner's app id was: recorded once now, so erasure from the tab finds it.
        else if (remember && !known.owned && job.target.appUserId) await this.d.store.rememberPersonalConversation(job.tenantId, userId, known.conversationId, job.target.appUserId);
      } catch (err) {
        // The chat is known either way: the message goes. A move left half done (the old one not
        // deleted) is the start-up migration's to finish (keyed-personal-conversations.migration.ts),
        // an owner not recorded the next message's. Only the status is logged: a store's error text
        // can hold the document's id, which is a person's (found in review, stop 60).
        this.d.logger.warn({ status: statusOf(err) }, 'outbox could not move or complete a remembered 1:1 chat; sent by it all the same');
      }
      return { ok: true, conversationId: known.conversationId, remembered: false };
    }
    await this.d.limiter.acquire(job.tenantId);
    await this.d.limiter.depart(job.tenantId);
    let res: TransportResponse<{ conversationId: string }>;
    try {
      res = await this.d.transport.createPersonalConversation({ ...job.route, tenantId: job.tenantId }, job.tenantId, userId);
    } catch (err) {
      // Creating a chat twice is harmless, so an unknown outcome is simply retried.
      return { ok: false, outcome: { kind: 'retry', afterMs: backoffMs(job.attempts + 1, this.d.backoff), code: (err as Error).name } };
    }
    if (!res.ok) return { ok: false, outcome: classify(res, job.attempts, this.d.backoff) };
    if (remember) await this.d.store.rememberPersonalConversation(job.tenantId, userId, res.conversationId, job.target.appUserId);
    return { ok: true, conversationId: res.conversationId, remembered: remember };
  }

  private async call(job: OutboxJob, conversationId: string, payload: Record<string, unknown>): Promise<Outcome> {
    const route = { ...job.route, tenantId: job.tenantId };
    let res: TransportResponse<{ activityId?: string }>;
    try {
      res =
        job.target.kind === 'update'
          ? await this.d.transport.updateActivity(route, conversationId, job.target.activityId, payload)
          : await this.d.transport.sendActivity(route, conversationId, payload);
    } catch (err) {
      const maybe = err instanceof TransportError ? err.maybeDelivered : true;
      return maybe ? { kind: 'unconfirmed', code: (err as Error).name } : { kind: 'retry', afterMs: backoffMs(job.attempts, this.d.backoff), code: (err as Error).name };
    }
    if (res.ok) return { kind: 'sent', activityId: res.activityId ?? (job.target.kind === 'update' ? job.target.activityId : undefined), conversationId };
    return classify(res, job.attempts, this.d.backoff);
  }
}
