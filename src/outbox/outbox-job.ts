import { DeliveryStatus, ListedPerson, OutboundMessage } from '../domain/outbox/outbox.port';
import { keyedDigest, stableId } from '../domain/shared/ids';
import { asksForPressKey, PRESS_KEY_RENDER } from './press-keys';

/** A named hook with its arguments, kept with the job (a job holds no functions). */
export interface OutboxHook {
  kind: string;
  args: Record<string, string>;
}

/**
 * A message whose payload is built when it is sent (`render`), not when it is queued: what a
 * message shows about a person then follows what they share at that moment, and the queued job
 * never holds it. The queued `payload` is only a placeholder.
 */
export type RenderedMessage = OutboundMessage & {
  render?: OutboxHook;
  /**
   * Told once when the outbox gives the message up as not delivered: Teams refused it for good
   * (403, another final answer), or its retries or checks ran out. Never for a message that may
   * have gone out (unconfirmed), that was skipped, or that is guarded (it leaves no trace). Told
   * after the outcome is recorded, as `onSent` is: the job keeps the hook (and its arguments)
   * until it ran to its end, and a hook that failed, or whose sender stopped first, runs again
   * later (see `hookPending`). So it may run more than once, and should do no more than queue a
   * message under a key of its own (the job's id): that makes the person told once.
   */
  onRefused?: OutboxHook;
};

/** One message in the outbox container. The id is derived from the idempotency key. */
export interface OutboxJob extends Omit<RenderedMessage, 'key'> {
  id: string;
  type: 'outboxJob';
  status: DeliveryStatus;
  /** Messages to one conversation go out one at a time, in order, and within its own rate limit. */
  conversationKey: string;
  /** When it is due; on a finished job whose hook is still to run, when the hook is (see `hookPending`). */
  notBefore: string;
  attempts: number;
  /**
   * How many times its guard or render could not answer (it failed): each waits longer
   * (`JobTransitions.defer`). On a finished job whose hook is still to run: how often the hook failed.
   */
  checksFailed?: number;
  createdAt: string;
  /** Sort key: enqueue time plus position in its batch, so one conversation's messages keep their order. */
  order: string;
  owner?: string;
  lockedUntil?: string;
  /**
   * On a claimed job whose render's re-check (`Rendered.stillValid`) has not answered yet: no call
   * can have gone out. A sender that stops in that read leaves a job that is simply pending again
   * (see `JobTransitions.recoverAbandoned`), not one in doubt. Cleared once the re-check passed.
   */
  rechecking?: true;
  result?: { activityId?: string; conversationId?: string; status?: number; code?: string };
  /** Cosmos TTL in seconds, set when the job is finished. */
  ttl?: number;
  /** Both ids of everyone in `listed`, in one flat list: what an erasure finds the job by. */
  listedIds?: string[];
}

/**
 * A person's 1:1 conversation with the bot, remembered so it is opened once. Kept without an expiry
 * for everyone the app wrote to in private, and deleted by their erasure: so its id and its owner
 * are keyed with the app's secret (`personalConversationIdOf`, `personalConversationOwnerOf`), else
 * a reader who knows the roster recomputes (or reads) whose chats are left, and so who erased
 * (found in review, stop 59). One remembered before stop 60 has the plain id (`stableId('oc', ...)`)
 * and its owner's app id in `ownerId`; it is moved to the keyed shape when next used.
 */
export interface PersonalConversationDoc {
  id: string;
  type: 'personalConversation';
  conversationId: string;
  /** Whose chat it is, keyed (`personalConversationOwnerOf` of their app id): erasure finds the chat by it where the Teams id is not known (the tab). */
  ownerKey?: string;
  /** The old shape's owner: the app id in clear (before stop 60). */
  ownerId?: string;
}

/** Which app instance sends for a tenant: one at a time, so the tenant's rate limit holds across instances. */
export interface TenantLeaseDoc {
  id: string;
  type: 'tenantLease';
  tenantId: string;
  owner: string;
  expiresAt: string;
}

/**
 * A guarded message (sent only if its guard still says so when it is due, e.g. a nudge to someone
 * who has not answered a poll) leaves no trace of how it ended: whether it was sent IS the guard's
 * answer, which may be exactly what must stay unknown (who answered). So the finished job is
 * deleted, whatever became of it (sent, skipped, failed), rather than kept with its status; and a
 * 1:1 chat opened for it is not remembered (it would exist only for those the guard let through).
 * Its lifetime (pending, then gone) is the same either way; see tests/privacy/pulse-poll-nudges.test.ts.
 */
export function leavesNoTrace(job: Pick<OutboxJob, 'guard'>): boolean {
  return job.guard !== undefined;
}

/**
 * The result code of a job given up because its check or render did not answer (failed, or said
 * 'later') until its time budget ran out: nothing was sent, Teams refused nothing.
 */
export const CHECK_UNANSWERED = 'checkUnanswered';

/** Finished states of a message given up as not delivered: its `onRefused` hook is told. */
export const GIVEN_UP: readonly DeliveryStatus[] = ['undeliverable', 'failed'];

/** The hooks a finished job may still have to run: `onSent` once sent, `onRefused` once given up. */
export type FinishedHook = 'onSent' | 'onRefused';

/**
 * Which hook of a finished job has not run to its end yet (it threw, or its sender stopped
 * first): `onSent` of a sent job, `onRefused` of one given up (never of a guarded one: it leaves
 * no trace). Such a job is kept without its TTL, and the sender runs the hook again when it is
 * due (`notBefore`), never the message. The TTL is set once the hook ran (JobTransitions).
 */
export function pendingHook(job: Pick<OutboxJob, 'status' | 'onSent' | 'onRefused' | 'guard' | 'ttl'>): FinishedHook | undefined {
  if (job.ttl !== undefined) return undefined;
  if (job.status === 'sent' && job.onSent !== undefined) return 'onSent';
  if (GIVEN_UP.includes(job.status) && job.onRefused !== undefined && !leavesNoTrace(job)) return 'onRefused';
  return undefined;
}

export function hookPending(job: Pick<OutboxJob, 'status' | 'onSent' | 'onRefused' | 'guard' | 'ttl'>): boolean {
  return pendingHook(job) !== undefined;
}

/**
 * What an ended job that named someone keeps where it named them: its target's kind, with this in
 * place of every id, and this as its conversation key (see `endedNamingNobody`).
 */
export const NAMES_NOBODY = '~ended';

/**
 * Whether a job names someone: a private message (to a person's 1:1 chat), or one about people or
 * listing them (`about`, `listed`: a prep card in a manager's chat, a summary's authors).
 */
export function namesSomeone(job: Pick<OutboxJob, 'target' | 'about' | 'listed' | 'listedIds'>): boolean {
  return job.target.kind === 'person' || !!job.about?.length || !!job.listed?.length || !!job.listedIds?.length;
}

/**
 * What an ended job that named someone keeps (found in review, stop 61): its status and result
 * (what its callers read by its key: `statusOf`, `deliver`, a retake), its key (its id, so the same
 * key still queues nothing for its days) and expiry; nothing of whom or where it was for (target,
 * chat, `about`, the list, its place in its batch), what it said (payload) or its hooks' arguments. An erasure finds nothing
 * of it to delete, so every recipient's finished message stays alike, the erased person's too: a
 * missing one among a team's said who erased, for the job's seven days. The hooks ran, or never will.
 */
export function endedNamingNobody(job: OutboxJob): OutboxJob {
  // Only under a keyed key: under a plain one, a job that names nobody but stays after the erasure
  // still says, to whoever recomputes its id from a person's id, that they got such a message.
  if (!job.keyedKey || !namesSomeone(job)) return job;
  const { about: _about, listed: _listed, listedIds: _listedIds, render: _render, onSent: _onSent, onRefused: _onRefused, sendIf: _sendIf, ...rest } = job;
  const { conversationId: _chat, ...result } = job.result ?? {};
  return {
    ...rest,
    target: blankTarget(job.target.kind),
    conversationKey: NAMES_NOBODY,
    payload: {},
    // No position in its batch either: a poll's invites queued in roster order kept theirs, and the
    // gap an erased person's deleted invite left named them (found in review, stop 62). Nothing
    // sorts an ended job.
    order: `${job.createdAt}#${String(0).padStart(7, '0')}`,
    ...(job.result ? { result } : {}),
  };
}

function blankTarget(kind: OutboxJob['target']['kind']): OutboxJob['target'] {
  if (kind === 'person') return { kind, userId: NAMES_NOBODY };
  if (kind === 'update') return { kind, conversationId: NAMES_NOBODY, activityId: NAMES_NOBODY };
  return { kind, conversationId: NAMES_NOBODY };
}

export const FINISHED: readonly DeliveryStatus[] = ['sent', 'undeliverable', 'failed', 'unconfirmed', 'skipped'];
export const DEFAULT_KEEP_SECONDS = 7 * 24 * 3600;

export function jobIdFor(key: string): string {
  return stableId('ob', key);
}

/**
 * What an erasure leaves of a job marked `keyOutlivesErasure` (OutboundMessage), once the job is
 * deleted: an id and an expiry, so the same key queues nothing, until it expires as the finished
 * job would have. Nothing of the message, whom it was for, or who erased. The id is not the job's
 * (a plain hash of its key, which a reader knowing the person's id and the card's press key
 * recomputes: found in review, stop 58) but one keyed with the app's secret (`erasedKeyIdOf`).
 * A job of that kind that went (or may have) leaves the same once it ended (`leavesKeyWhenEnded`),
 * and is deleted too: else the others' finished jobs, kept under their own ids, would show whose
 * is missing (found in review, stop 59). So "erased" and "sent" leave alike.
 */
export interface ErasedJobKey {
  id: string;
  type: 'outboxErasedKey';
  /** Cosmos TTL in seconds. */
  ttl: number;
}

export function erasedJobKey(job: Pick<OutboxJob, 'keepSeconds'>, id: string): ErasedJobKey {
  return { id, type: 'outboxErasedKey', ttl: job.keepSeconds ?? DEFAULT_KEEP_SECONDS };
}

/**
 * Whether a job marked `keyOutlivesErasure` is retired once it ended, leaving only its key (a
 * blank, `erasedJobKey`): it went, or may have (sent, refused by Teams, in doubt). One that surely
 * never went out (skipped by its check, or given up because its check never answered,
 * `checkUnanswered`) stays as it ended, under its own id, until it expires: its key keeps holding,
 * and its callers withdraw or retake it by its status (stop 54, 56).
 */
export function leavesKeyWhenEnded(job: Pick<OutboxJob, 'status' | 'result'>): boolean {
  return job.status !== 'skipped' && !(job.status === 'failed' && job.result?.code === CHECK_UNANSWERED);
}

/** The purpose of the app's secret that `erasedKeyIdOf` uses: no other digest under it is the same. */
const ERASED_KEY_LABEL = 'lerend-werken/outbox-erased-key/v1';

/**
 * The id of what an erasure leaves of the job with id `jobId`: HMAC under the app's secret
 * (POLL_HASH_KEY), so nobody without it can tell from the database whose card an erasure took out.
 * Shaped as a job id (`ob_` and 22 characters), so the blank looks like any other document's id.
 */
export function erasedKeyIdOf(secret: string, jobId: string): string {
  return `ob_${keyedDigest(ERASED_KEY_LABEL, secret, jobId).slice(0, 22)}`;
}

/** The purpose of the app's secret in `privateMessageKey`: no other digest under it is the same. */
const PRIVATE_KEY_LABEL = 'lerend-werken/outbox-private-message-key/v1';

/**
 * The key a private message (to one person's 1:1 chat) is queued under: its caller's key (which
 * names the person, or follows from their id) as a digest under the app's secret, after the
 * caller's kind (the part before the first ':'). Nobody without the secret recomputes the job's id
 * from a person's id, so once it ended the job keeps nothing naming anyone (`endedNamingNobody`,
 * `keyedKey`): an erasure leaves it as everyone's (found in review, stop 62). The same key gives
 * the same digest, so a caller run again still queues once.
 */
export function privateMessageKey(secret: string, key: string): string {
  const colon = key.indexOf(':');
  return `${colon > 0 ? key.slice(0, colon) : 'private'}:pm_${keyedDigest(PRIVATE_KEY_LABEL, secret, key).slice(0, 22)}`;
}

/** The purposes of the app's secret for a remembered 1:1 chat: its id, and its owner. */
const CHAT_ID_LABEL = 'lerend-werken/outbox-personal-conversation-id/v1';
const CHAT_OWNER_LABEL = 'lerend-werken/outbox-personal-conversation-owner/v1';

/**
 * The id of the remembered 1:1 chat of the person with Teams id `userId` in the tenant: HMAC under
 * the app's secret, so nobody without it can tell whose chat a document is, nor whose is missing.
 * Shaped as the plain id was (`oc_` and 22 characters).
 */
export function personalConversationIdOf(secret: string, tenantId: string, userId: string): string {
  return `oc_${keyedDigest(CHAT_ID_LABEL, secret, `${tenantId}\u0000${userId}`).slice(0, 22)}`;
}

/** The owner a remembered 1:1 chat records: the app id of its person, keyed as its id is (the erasure from the tab finds it by this). */
export function personalConversationOwnerOf(secret: string, appUserId: string): string {
  return keyedDigest(CHAT_OWNER_LABEL, secret, appUserId).slice(0, 22);
}

/** Rate limits count per conversation; a channel's threads share the channel's limit. */
export function conversationKeyOf(message: Pick<OutboundMessage, 'target'>): string {
  const t = message.target;
  if (t.kind === 'person') return `person:${t.userId}`;
  return t.conversationId.split(';messageid=')[0]!;
}

export function newJob(message: RenderedMessage, now: Date, position = 0): OutboxJob {
  const { key, ...rest } = message;
  return {
    ...rest,
    // A card that asks for a press key gets it when sent, never while it waits (see press-keys.ts).
    // A job queued before that holds its key in its card, and is sent as it is.
    ...(!message.render && asksForPressKey(message.payload) ? { render: PRESS_KEY_RENDER } : {}),
    id: jobIdFor(key),
    type: 'outboxJob',
    status: 'pending',
    conversationKey: conversationKeyOf(message),
    notBefore: now.toISOString(),
    attempts: 0,
    createdAt: now.toISOString(),
    order: `${now.toISOString()}#${String(position).padStart(7, '0')}`,
    ...(message.listed?.length ? { listedIds: listedIdsOf(message.listed) } : {}),
  };
}

export function listedIdsOf(listed: readonly ListedPerson[]): string[] {
  return [...new Set(listed.flatMap((l) => [l.userId, l.platformId]))];
}
