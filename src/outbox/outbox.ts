import { DeliveryResult, DeliveryStatus, OutboxPort } from '../domain/outbox/outbox.port';
import { BusinessEvents, NotDeliveredReason } from '../domain/shared/business-events';
import type { Logger } from '../log/logger';
import { CosmosConnection } from '../store/cosmos-connection';
import { conversationKeyOf, FINISHED, jobIdFor, newJob, OutboxJob, privateMessageKey, RenderedMessage } from './outbox-job';
import { OlderForm } from './listed-people';
import { asksForPressKey, PRESS_KEY_RENDER, withPressKeyMinted } from './press-keys';
import { OutboxSender, SenderOptions } from './outbox-sender';
import { Rendered } from './sender-options';
import { OutboxStore } from '../store/outbox.store';
import { TeamsRateLimiter } from './rate-limiter';
import { OutboxTransport } from './transport';

/** Whether the job goes out now; 'later' keeps it waiting (deferred like a check that failed, without a warning). */
export type GuardHandler = (args: Record<string, string>) => Promise<boolean | 'later'>;
export type SentHandler = (args: Record<string, string>, result: { activityId?: string; conversationId: string }) => Promise<void>;
export type RenderHandler = (args: Record<string, string>) => Promise<Rendered | undefined>;
/**
 * `job`: the given-up job's id (a key for what the handler queues, so it is queued once), where its
 * tenant is reached, and its result (`code` CHECK_UNANSWERED: its check never answered; else Teams' refusal).
 */
export type RefusedHandler = (args: Record<string, string>, job: Pick<OutboxJob, 'id' | 'tenantId' | 'route' | 'result'>) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Each message's position in its batch (its `order` after the time). Only a conversation's own
 * messages need an order among themselves (ConversationLanes), so the messages to a conversation
 * that gets a private message (`keyedKey`) are numbered among themselves, from 0: each of a poll's
 * invites to its own person's chat is then 0, whatever the person's place in the roster. Any other
 * keeps its place in the batch.
 */
export function batchPositions(messages: readonly RenderedMessage[]): number[] {
  const keyedChats = new Set(messages.filter((m) => m.keyedKey).map((m) => conversationKeyOf(m)));
  const seen = new Map<string, number>();
  return messages.map((m, i) => {
    const chat = conversationKeyOf(m);
    if (!keyedChats.has(chat)) return i;
    const n = seen.get(chat) ?? 0;
    seen.set(chat, n + 1);
    return n;
  });
}

/**
 * The durable outbox: every proactive message becomes a job in Cosmos DB with an idempotency key,
 * and a sender (one per app instance) delivers the jobs within Teams' limits. See OutboxSender for
 * why nothing is sent twice.
 */
export class Outbox implements OutboxPort {
  readonly store: OutboxStore;
  readonly sender: OutboxSender;
  private readonly guards = new Map<string, GuardHandler>();
  private readonly sentHandlers = new Map<string, SentHandler>();
  private readonly renderers = new Map<string, RenderHandler>();
  private readonly refusedHandlers = new Map<string, RefusedHandler>();

  /** How long `deliver` waits for a message by default before answering `pending`. */
  private readonly deliverWaitMs: number;

  /**
   * `events` hears of every message the outbox stopped trying while its conversation was there,
   * as a business event (numbers and reasons only), so an alert can watch for them.
   */
  constructor(conn: CosmosConnection, transport: OutboxTransport, readonly limiter: TeamsRateLimiter, private readonly logger: Logger, options: SenderOptions & { owner?: string; deliverWaitMs?: number; events?: BusinessEvents }) {
    this.deliverWaitMs = options.deliverWaitMs ?? 20_000;
    this.store = new OutboxStore(conn);
    const events = options.events;
    this.sender = new OutboxSender(this.store, transport, limiter, logger, {
      guard: (job) => this.checkGuard(job),
      render: (job) => this.render(job),
      sent: (job, result) => this.runSent(job, result),
      refused: (job) => this.runRefused(job),
      ...(events ? { notDelivered: (_job: OutboxJob, reason: NotDeliveredReason, status: number | undefined) => events.record({ name: 'messageNotDelivered', reason, status: status ?? 0 }) } : {}),
    }, options);
  }

  /**
   * The app's secret (POLL_HASH_KEY) private messages' keys are keyed with (`privately`). Without it
   * (local runs) their keys stay as their callers made them, stable across restarts, and such a
   * job keeps whom it was for until it expires, as before stop 62.
   */
  private privateKeySecret?: string;

  keyPrivateMessagesWith(secret: string): this {
    this.privateKeySecret = secret;
    return this;
  }

  /** The key a private message queued under its caller's `key` has (see `privately`): read or withdraw it by this. */
  privateKey(key: string): string {
    return this.privateKeySecret ? privateMessageKey(this.privateKeySecret, key) : key;
  }

  /**
   * A private message (one person's 1:1 chat, or about them alone) as it is queued: under its key
   * keyed with the app's secret (`privateKey`) and marked so (`keyedKey`), so that once it ended it
   * keeps nothing naming anyone and an erasure finds nothing of it to delete (stop 62). The one
   * place private messages are keyed: every caller queues, reads (`statusOf`) and withdraws such a
   * message by `privateKey` of its own key. Without the secret, the message as it is.
   */
  privately<M extends RenderedMessage>(message: M): M {
    if (!this.privateKeySecret) return message;
    return { ...message, key: this.privateKey(message.key), keyedKey: true };
  }

  /**
   * Whether a private message was queued under its caller's plain `key` before the update to keyed
   * keys (stop 62): its keyed key does not hold it, so a run again after the update would queue it
   * a second time. One point read, writing and logging nothing (the plain key may name a person);
   * none without the secret, where the two keys are one. Never on anyone's turn.
   */
  async queuedUnderFormerKey(key: string): Promise<boolean> {
    return this.privateKey(key) !== key && (await this.statusOf(key)) !== undefined;
  }

  /** A check made just before a job with `guard.kind === kind` is sent. */
  onGuard(kind: string, handler: GuardHandler): this {
    this.guards.set(kind, handler);
    return this;
  }

  /** Told after a job with `onSent.kind === kind` was delivered. */
  onSent(kind: string, handler: SentHandler): this {
    this.sentHandlers.set(kind, handler);
    return this;
  }

  /** Told once when a job with `onRefused.kind === kind` is given up as not delivered (see RenderedMessage.onRefused). */
  onRefused(kind: string, handler: RefusedHandler): this {
    this.refusedHandlers.set(kind, handler);
    return this;
  }

  /**
   * Builds the payload of a job with `render.kind === kind` when it is sent (see RenderedMessage);
   * undefined skips the job. Runs before the claim, like the guard.
   */
  onRender(kind: string, handler: RenderHandler): this {
    this.renderers.set(kind, handler);
    return this;
  }

  /**
   * How an erasure keeps a waiting message with `onSent.kind === onSentKind` queued in an older
   * form, which listed its people through `about`, instead of deleting it for everyone (see
   * OutboxStore.keepOlderForm): e.g. rebuilt in place as a message rendered when sent.
   */
  keepOlderForm(onSentKind: string, toCurrent: OlderForm): this {
    this.store.keepOlderForm(onSentKind, toCurrent);
    return this;
  }

  private async render(job: OutboxJob): Promise<Rendered | undefined> {
    if (!job.render) return { payload: job.payload };
    // Built in: the card queued whole, its press key minted now, for this send only.
    if (job.render.kind === PRESS_KEY_RENDER.kind) return { payload: withPressKeyMinted(job.payload) };
    const handler = this.renderers.get(job.render.kind);
    if (!handler) throw new Error(`no outbox renderer for ${job.render.kind}`);
    const rendered = await handler(job.render.args);
    // A card built now that asks for a press key gets one too, never the placeholder (found in review, stop 58).
    return rendered && asksForPressKey(rendered.payload) ? { ...rendered, payload: withPressKeyMinted(rendered.payload) } : rendered;
  }

  /**
   * The job's `sendIf` and its guard, both answered by the checks registered with `onGuard`. The
   * `sendIf` first: it says the same for everyone (a poll still open), so only the guard's own
   * answer (who has not answered) decides between one person's job and another's.
   */
  private async checkGuard(job: OutboxJob): Promise<boolean | 'later'> {
    for (const check of [job.sendIf, job.guard]) {
      if (!check) continue;
      const handler = this.guards.get(check.kind);
      if (!handler) throw new Error(`no outbox guard for ${check.kind}`);
      const answer = await handler(check.args);
      if (answer !== true) return answer;
    }
    return true;
  }

  private async runSent(job: OutboxJob, result: { activityId?: string; conversationId: string }): Promise<void> {
    if (!job.onSent) return;
    const handler = this.sentHandlers.get(job.onSent.kind);
    if (!handler) throw new Error(`no outbox onSent handler for ${job.onSent.kind}`);
    await handler(job.onSent.args, result);
  }

  private async runRefused(job: OutboxJob): Promise<void> {
    if (!job.onRefused) return;
    const handler = this.refusedHandlers.get(job.onRefused.kind);
    if (!handler) throw new Error(`no outbox onRefused handler for ${job.onRefused.kind}`);
    await handler(job.onRefused.args, { id: job.id, tenantId: job.tenantId, route: job.route, ...(job.result ? { result: job.result } : {}) });
  }

  /**
   * Queues one message, as `enqueue`, and says whether this call queued it (`queued`) or found it
   * queued under its key already (`alreadyQueued`: an earlier call's write landed, whatever it said;
   * or an erasure left the key behind, see OutboundMessage.keyOutlivesErasure).
   *
   * `tellErasedKey`: for a message marked `keyOutlivesErasure`, `erasedKey` instead when its key is
   * held by the blank an erasure left of the job (the person it was to or about erased their data
   * since), or the same blank the job left when it ended having gone (since stop 59: the two look
   * alike, see OutboundMessage.keyOutlivesErasure), so a caller keeps nothing of a press delivered
   * again after an erasure unless it knows the press's own record is still there. One read more, only then.
   *
   * `retake`: a job found under the key that it accepts (never an erasure's key) is replaced by
   * this message under its ETag (`queued`), e.g. one given up unsent that a later telling queues
   * again (OutboxStore.addOrRetake). One read more, only when the key is taken.
   */
  async queue(message: RenderedMessage, opts: { tellErasedKey?: boolean; retake?: (existing: OutboxJob) => boolean } = {}): Promise<'queued' | 'alreadyQueued' | 'erasedKey'> {
    const job = newJob(message, new Date());
    const added = opts.retake
      ? await this.store.addOrRetake(job, opts.retake).then((a) => (a === 'retaken' ? 'created' : a === 'erasedKey' && !opts.tellErasedKey ? 'taken' : a))
      : opts.tellErasedKey
        ? await this.store.addTelling(job)
        : (await this.store.add(job))
          ? 'created'
          : 'taken';
    this.sender.kick();
    return added === 'created' ? 'queued' : added === 'taken' ? 'alreadyQueued' : 'erasedKey';
  }

  /**
   * Queues messages in one go; a conversation's messages go out in the order given. A private
   * message (`keyedKey`) keeps no position of its own in the batch (`batchPositions`), and the jobs
   * are written in the order of their ids, not the callers': a poll's invites listed in roster
   * order would else tell, by their `order` or by when each went, whose is missing after an
   * erasure (found in review, stop 62).
   */
  async enqueue(messages: RenderedMessage[]): Promise<void> {
    const now = new Date();
    const positions = batchPositions(messages);
    const jobs = messages.map((m, i) => newJob(m, now, positions[i])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // A few creates at a time: enough to be quick, few enough not to flood Cosmos DB.
    for (let i = 0; i < jobs.length; i += 20) {
      await Promise.all(jobs.slice(i, i + 20).map((job) => this.store.add(job)));
    }
    if (messages.length) this.sender.kick();
  }

  /**
   * Enqueues one message and waits for its delivery, sending it from this process when it may:
   * for callers that need the new message's id (to update it later). Resolves with `pending`
   * when the wait runs out, or at once when its chat is busy with another job of this sender (a
   * turn does not wait for a slow background send); the job is then still delivered later, in order.
   */
  async deliver(message: RenderedMessage, waitMs = this.deliverWaitMs): Promise<DeliveryResult> {
    await this.store.add(newJob(message, new Date()));
    const id = jobIdFor(message.key);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const current = await this.store.get(id);
      if (!current) return { status: 'failed' };
      const result = { status: current.status, activityId: current.result?.activityId, conversationId: current.result?.conversationId };
      // Behind an older update of the same message waiting for its retry, or behind another job its
      // chat is busy with (a slow render or send): queued, sent in order by the sender, and the
      // turn goes on. A stopping sender sends nothing new: the job is left to the next instance.
      if (FINISHED.includes(current.status) || Date.now() > deadline || this.sender.waitsBehindRetry(current) || this.sender.isStopping) return result;
      if (current.status === 'pending' && this.sender.laneHeldByOther(current)) return this.leftQueued(result);
      if (current.status === 'pending' && current.notBefore <= new Date().toISOString()) {
        const handledHere = await this.sender.sendNow(id).catch((err) => {
          this.logger.warn({ jobId: id, err: (err as Error).message }, 'outbox immediate send failed; left to the sender');
          return false;
        });
        if (handledHere) continue;
        if (this.sender.laneHeldByOther(current)) return this.leftQueued(result);
        this.sender.kick();
      }
      await sleep(50);
    }
  }

  /** A turn's job left to the sender's loop, which is asked to look for it (it goes once its chat is free). */
  private leftQueued(result: DeliveryResult): DeliveryResult {
    this.sender.kick();
    return result;
  }

  /**
   * Deletes the job queued under `key`, in whatever state, under its ETag (read again when a sender
   * moved it meanwhile): a job not sent yet never goes. Nothing there is fine.
   */
  async withdraw(key: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const job = await this.store.get(jobIdFor(key));
      if (!job || (await this.store.deleteIfUnchanged(job))) return;
    }
    throw new Error('outbox job kept changing while it was withdrawn');
  }

  /** What became of the message queued under `key`; undefined when there is none (never queued, or expired). */
  async statusOf(key: string): Promise<DeliveryStatus | undefined> {
    return (await this.store.get(jobIdFor(key)))?.status;
  }

  async expireBudgets(batch: string): Promise<number> {
    let skipped = 0;
    for (const job of await this.store.pendingWithBudget(batch)) if (await this.sender.skip(job)) skipped++;
    return skipped;
  }

  async countBatch(batch: string): Promise<Partial<Record<DeliveryStatus, number>>> {
    const counts: Partial<Record<DeliveryStatus, number>> = {};
    for (const s of await this.store.statusesOf(batch)) counts[s as DeliveryStatus] = (counts[s as DeliveryStatus] ?? 0) + 1;
    return counts;
  }

  start(): void {
    this.sender.start();
  }

  stop(): Promise<void> {
    return this.sender.stop();
  }

  drain(timeoutMs?: number): Promise<void> {
    return this.sender.drain(timeoutMs);
  }
}
