import { randomBytes } from 'node:crypto';
import { Container } from '@azure/cosmos';
import { OutboxPerson } from '../domain/outbox/outbox.port';
import { stableId } from '../domain/shared/ids';
import { CosmosConnection } from './cosmos-connection';
import { statusOf } from './document-store';
import { erasedJobKey, erasedKeyIdOf, NAMES_NOBODY, OutboxJob, PersonalConversationDoc, personalConversationIdOf, personalConversationOwnerOf, TenantLeaseDoc } from '../outbox/outbox-job';
import { OlderForm, withoutListedPerson } from '../outbox/listed-people';

/** A job as read, with the ETag every state change is conditioned on. */
export type Versioned<T> = T & { _etag: string };

/**
 * A remembered 1:1 chat as the sender needs it: its id, whether it records its owner, and, for one
 * of the shape of before stop 60 (plain id, owner in clear), that document, to be moved.
 */
export interface RememberedChat {
  conversationId: string;
  owned: boolean;
  older?: PersonalConversationDoc;
}

/** A tenant lease taken or renewed, and who held it before (absent for the very first lease). */
export interface LeaseGrant {
  expiresAt: Date;
  previous?: { owner: string; expiresAt: Date };
}

/**
 * A finished job whose hook is still to run, the query form of `hookPending`: a sent one's onSent,
 * or the onRefused of one given up (never a guarded one's). AND binds before OR: the terms are
 * not nested further, as each level of parentheses costs the embedded test server's parser dearly.
 */
const HOOK_PENDING =
  "(c.status = 'sent' AND IS_DEFINED(c.onSent) AND NOT IS_DEFINED(c.ttl) OR " +
  "c.status IN ('undeliverable', 'failed') AND IS_DEFINED(c.onRefused) AND NOT IS_DEFINED(c.ttl) AND NOT IS_DEFINED(c.guard))";

const SYSTEM = ['_rid', '_self', '_ts', '_attachments'] as const;

/** Without POLL_HASH_KEY (local runs): one random secret per process, shared by its outbox stores. */
const PROCESS_SECRET = randomBytes(32).toString('base64url');

function clean<T>(doc: Record<string, unknown>): Versioned<T> {
  const out = { ...doc };
  for (const k of SYSTEM) delete out[k];
  return out as Versioned<T>;
}

function withoutEtag<T extends object>(doc: T): T {
  const { _etag, ...rest } = doc as T & { _etag?: string };
  return rest as T;
}

/**
 * The outbox container (partition key /id). Every state change is a replace conditioned on the
 * ETag read before it, so of two senders only one can move a job: that is what makes a claim
 * exclusive, and why no job is ever sent twice.
 */
export class OutboxStore {
  private readonly container: Container;
  /** The app's secret the ids of the keys an erasure leaves (`erasedKeyId`) and of remembered chats (`personalConversationId`) are keyed with. */
  private erasedKeySecret = PROCESS_SECRET;
  constructor(conn: CosmosConnection) {
    this.container = conn.container('outbox');
  }

  /**
   * Keys what an erasure leaves of a job, and the remembered 1:1 chats, with this secret
   * (POLL_HASH_KEY): stable across instances and restarts. Without it a random one of this process
   * is used, and a blank left before a restart no longer holds its key, nor is a chat remembered
   * before it found again (local runs only: the key is required with Azure Cosmos DB).
   */
  keyErasedKeysWith(secret: string): void {
    this.erasedKeySecret = secret;
  }

  /** Where the key an erasure left of the job with this id is kept (see `erasedKeyIdOf`). */
  erasedKeyId(jobId: string): string {
    return erasedKeyIdOf(this.erasedKeySecret, jobId);
  }

  /**
   * Whether an erasure (or the job's own end) left this job's key behind: one point read, only for
   * a job marked `keyOutlivesErasure`, before its create, and again after a create that got through
   * (`createIfFree`): the blank is written before the job is deleted, so a create that lands after
   * the delete finds it then, though the read before it came too early.
   */
  private async erasedKeyHolds(job: OutboxJob): Promise<boolean> {
    return !!job.keyOutlivesErasure && (await this.keyLeftBehind(job.id));
  }

  /**
   * Whether the key of the job with this id is held by a blank (`erasedJobKey`): an erasure took
   * the job out, or it ended having gone (or maybe), which leave alike (`leavesKeyWhenEnded`). One point read.
   */
  async keyLeftBehind(jobId: string): Promise<boolean> {
    return (await this.read(this.erasedKeyId(jobId)))?.type === 'outboxErasedKey';
  }

  /**
   * Writes the blank that holds the key of a job marked `keyOutlivesErasure` (`erasedJobKey`, under
   * `erasedKeyId`): before the job is deleted, so there is no moment where the key is free. An upsert:
   * safe to write again (an erasure and the job's end may both write it; the same fields either way).
   */
  async leaveKey(job: Pick<OutboxJob, 'id' | 'keepSeconds'>): Promise<void> {
    await this.container.items.upsert(erasedJobKey(job, this.erasedKeyId(job.id)));
  }

  /** Creates the job; when its id (its idempotency key) exists, returns the stored one. */
  async create(job: OutboxJob): Promise<{ job: Versioned<OutboxJob>; created: boolean }> {
    try {
      const { resource } = await this.container.items.create(job);
      return { job: clean<OutboxJob>(resource as unknown as Record<string, unknown>), created: true };
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      const existing = await this.get(job.id);
      if (!existing) throw err;
      return { job: existing, created: false };
    }
  }

  /**
   * Queues the job unless its id (its idempotency key) is taken: by a job queued under it already,
   * or by the key an erasure left of one (see `erasedJobKey`). Whether this call created it. A job
   * marked `keyOutlivesErasure` costs one point read more (`erasedKeyHolds`), and a second once it
   * was created (`createIfFree`); any other, one create.
   */
  async add(job: OutboxJob): Promise<boolean> {
    return !(await this.erasedKeyHolds(job)) && (await this.createIfFree(job)) === 'created';
  }

  /**
   * The create alone: `taken` when its id is taken. A job marked `keyOutlivesErasure` that was
   * created reads the blank's id again: the read before the create could come before an erasure
   * (or the job's own end, `leavesKeyWhenEnded`) wrote the blank and deleted the job, and the create
   * after that delete (found in review, stop 59). The blank is always written before the delete, so
   * a create that got through after it finds the blank now: the new job is deleted again
   * (`erasedKey`) before a sender takes it. One point read more, only on a create of these kinds.
   */
  private async createIfFree(job: OutboxJob): Promise<'created' | 'taken' | 'erasedKey'> {
    let created: Versioned<OutboxJob>;
    try {
      const { resource } = await this.container.items.create(job);
      created = clean<OutboxJob>(resource as unknown as Record<string, unknown>);
    } catch (err) {
      if (statusOf(err) === 409) return 'taken';
      throw err;
    }
    if (!(await this.erasedKeyHolds(job))) return 'created';
    await this.takeBack(created);
    return 'erasedKey';
  }

  /**
   * Deletes a job just created under a key a blank holds, under its ETag; read again when a sender
   * moved it meanwhile (rare: it would have to be due and taken within the one read), so a sender
   * holding the old one finds it gone. Throws when it kept changing.
   */
  private async takeBack(created: Versioned<OutboxJob>): Promise<void> {
    let current: Versioned<OutboxJob> | undefined = created;
    for (let attempt = 0; current && attempt < 5; attempt++) {
      if (await this.deleteIfUnchanged(current)) return;
      current = await this.get(created.id);
    }
    if (current) throw new Error('outbox job kept changing while it was taken back (its key left by an erasure)');
  }

  /**
   * As `add`, telling what holds a taken id: a job (`taken`), or the blank an erasure left of one,
   * or that one left when it ended having gone (`erasedKey`, see `erasedJobKey`: the two look alike). Costs what `add` costs; the job's own id is read only when
   * a job marked `keyOutlivesErasure` finds it taken (rare: a press delivered again, or a retry),
   * for a blank an erasure left in the job's place before blanks moved (kept until it expires).
   */
  async addTelling(job: OutboxJob): Promise<'created' | 'taken' | 'erasedKey'> {
    if (await this.erasedKeyHolds(job)) return 'erasedKey';
    const added = await this.createIfFree(job);
    if (added !== 'taken') return added;
    if (!job.keyOutlivesErasure) return 'taken';
    return (await this.read(job.id))?.type === 'outboxErasedKey' ? 'erasedKey' : 'taken';
  }

  /**
   * As `add`, except that a job already under the id that `retake` accepts (one given up unsent,
   * say) is replaced by this one, under the ETag it was read with: a sender or hook that changes
   * or deletes it meanwhile makes this look again (a delete: created anew), and one that still
   * holds the old job's ETag finds it changed and leaves the new one. A key an erasure left is
   * never retaken (`erasedKey`). Throws when the job kept changing.
   */
  async addOrRetake(job: OutboxJob, retake: (existing: OutboxJob) => boolean): Promise<'created' | 'retaken' | 'taken' | 'erasedKey'> {
    if (await this.erasedKeyHolds(job)) return 'erasedKey';
    for (let attempt = 0; attempt < 5; attempt++) {
      const added = await this.createIfFree(job);
      if (added !== 'taken') return added;
      const found = await this.read(job.id);
      if (!found) continue;
      if (found.type === 'outboxErasedKey') return 'erasedKey';
      const existing = clean<OutboxJob>(found);
      if (!retake(existing)) return 'taken';
      if (await this.replaceIfUnchanged(existing, job)) return 'retaken';
    }
    throw new Error('outbox job kept changing while it was retaken');
  }

  /** The job under this id; undefined when there is none (never queued, expired, or erased: a key an erasure left is no job). */
  async get(id: string): Promise<Versioned<OutboxJob> | undefined> {
    const found = await this.read(id);
    return found?.type === 'outboxJob' ? clean<OutboxJob>(found) : undefined;
  }

  private async read(id: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { resource } = await this.container.item(id, id).read<Record<string, unknown>>();
      return resource ?? undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /**
   * Pending jobs that are due, and finished ones whose hook is due again (see `hookPending`), oldest
   * first; none of the tenants in `exceptTenants` (read already: the sender's read of other tenants' work).
   */
  async due(now: Date, limit: number, exceptTenants: readonly string[] = []): Promise<Versioned<OutboxJob>[]> {
    const except = exceptTenants.length ? ' AND NOT ARRAY_CONTAINS(@except, c.tenantId)' : '';
    const { resources } = await this.container.items
      .query({
        query: `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.type = 'outboxJob' AND (c.status = 'pending' OR ${HOOK_PENDING}) AND c.notBefore <= @now${except} ORDER BY c.notBefore`,
        parameters: [{ name: '@now', value: now.toISOString() }, ...(except ? [{ name: '@except', value: [...exceptTenants] }] : [])],
      })
      .fetchAll();
    return resources.map((r) => clean<OutboxJob>(r));
  }

  /** Jobs claimed by a sender that stopped before it recorded the outcome. */
  async abandoned(now: Date): Promise<Versioned<OutboxJob>[]> {
    const { resources } = await this.container.items
      .query({
        query: "SELECT * FROM c WHERE c.type = 'outboxJob' AND c.status = 'sending' AND c.lockedUntil < @now",
        parameters: [{ name: '@now', value: now.toISOString() }],
      })
      .fetchAll();
    return resources.map((r) => clean<OutboxJob>(r));
  }

  /**
   * The earliest notBefore of the jobs not yet finished, or undefined when there are none. A
   * finished job whose hook is still to run counts as pending: there is still work to do for it.
   */
  async nextOpen(): Promise<{ pending: number; sending: number; earliest?: string }> {
    const { resources } = await this.container.items
      .query({ query: `SELECT c.status, c.notBefore FROM c WHERE c.type = 'outboxJob' AND (c.status = 'pending' OR c.status = 'sending' OR ${HOOK_PENDING})` })
      .fetchAll();
    const pending = resources.filter((r) => r.status !== 'sending');
    const earliest = pending.map((r) => r.notBefore as string).sort()[0];
    return { pending: pending.length, sending: resources.length - pending.length, earliest };
  }

  /** A batch's jobs still waiting to be sent that carry a time budget of their own. */
  async pendingWithBudget(batch: string): Promise<Versioned<OutboxJob>[]> {
    const { resources } = await this.container.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'outboxJob' AND c.batch = @batch AND c.status = 'pending' AND IS_DEFINED(c.giveUpAfterMs)", parameters: [{ name: '@batch', value: batch }] })
      .fetchAll();
    return resources.map((r) => clean<OutboxJob>(r));
  }

  async statusesOf(batch: string): Promise<string[]> {
    const { resources } = await this.container.items
      .query<string>({ query: "SELECT VALUE c.status FROM c WHERE c.type = 'outboxJob' AND c.batch = @batch", parameters: [{ name: '@batch', value: batch }] })
      .fetchAll();
    return resources;
  }

  /**
   * Replaces the job if nobody changed it since it was read; undefined when somebody did (or it is
   * gone). This is the only way a job changes state.
   */
  async replaceIfUnchanged(current: Versioned<OutboxJob>, next: OutboxJob): Promise<Versioned<OutboxJob> | undefined> {
    try {
      const { resource } = await this.container
        .item(current.id, current.id)
        .replace(withoutEtag(next), { accessCondition: { type: 'IfMatch', condition: current._etag } });
      return clean<OutboxJob>(resource as unknown as Record<string, unknown>);
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || status === 404) return undefined;
      throw err;
    }
  }

  /** Deletes the job if nobody changed it since it was read; false when somebody did (or it is gone). */
  async deleteIfUnchanged(current: Versioned<OutboxJob>): Promise<boolean> {
    try {
      await this.container.item(current.id, current.id).delete({ accessCondition: { type: 'IfMatch', condition: current._etag } });
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || status === 404) return false;
      throw err;
    }
  }

  // ---- personal conversations -------------------------------------------------------------

  /**
   * Where the person's remembered 1:1 chat is kept: an id keyed with the app's secret
   * (`personalConversationIdOf`), so a reader who knows the roster cannot tell whose chats are
   * left after an erasure (found in review, stop 59).
   */
  personalConversationId(tenantId: string, userId: string): string {
    return personalConversationIdOf(this.erasedKeySecret, tenantId, userId);
  }

  async personalConversation(tenantId: string, userId: string): Promise<string | undefined> {
    return (await this.personalConversationDoc(tenantId, userId))?.conversationId;
  }

  /**
   * The remembered chat, if any: under its keyed id (one point read), else in the shape of before
   * stop 60, under the plain hash (one more; `older` is then that document, for `movePersonalConversation`).
   */
  async personalConversationDoc(tenantId: string, userId: string): Promise<RememberedChat | undefined> {
    const keyed = await this.read(this.personalConversationId(tenantId, userId));
    if (keyed?.type === 'personalConversation') {
      const doc = keyed as unknown as PersonalConversationDoc;
      return { conversationId: doc.conversationId, owned: doc.ownerKey !== undefined };
    }
    const plain = await this.read(stableId('oc', tenantId, userId));
    if (plain?.type !== 'personalConversation') return undefined;
    const older = clean<PersonalConversationDoc>(plain);
    return { conversationId: older.conversationId, owned: older.ownerId !== undefined, older };
  }

  /** Remembers the chat under its keyed id, with its owner keyed (when known): an upsert, safe to write again. */
  async rememberPersonalConversation(tenantId: string, userId: string, conversationId: string, ownerId?: string): Promise<void> {
    const doc: PersonalConversationDoc = {
      id: this.personalConversationId(tenantId, userId),
      type: 'personalConversation',
      conversationId,
      ...(ownerId ? { ownerKey: personalConversationOwnerOf(this.erasedKeySecret, ownerId) } : {}),
    };
    await this.container.items.upsert(doc);
  }

  /**
   * Moves a chat remembered in the old shape (`older`, from `personalConversationDoc`) to the keyed
   * one: written under its keyed id first, so it is known throughout, then the old one deleted. An
   * old one already gone was taken by an erasure between the read and the write (or moved by another
   * sender): the keyed one is deleted as well, so an erasure leaves no chat behind; at worst the
   * chat is opened once more. Two requests (three in that case), once per person.
   */
  async movePersonalConversation(tenantId: string, userId: string, older: PersonalConversationDoc, ownerId?: string): Promise<void> {
    await this.rememberPersonalConversation(tenantId, userId, older.conversationId, older.ownerId ?? ownerId);
    if (!(await this.deleteIfThere(older.id))) await this.deleteIfThere(this.personalConversationId(tenantId, userId));
  }

  /**
   * Forgets the chat remembered under its keyed id: one this sender remembered for a job an erasure
   * took out meanwhile (the remember landed after the erasure's reads of the chat). One request.
   */
  async forgetPersonalConversation(tenantId: string, userId: string): Promise<void> {
    await this.deleteIfThere(this.personalConversationId(tenantId, userId));
  }

  /**
   * Brings every chat remembered in the old shape (plain id, owner in clear) to the keyed one: the
   * start-up migration (keyed-personal-conversations.migration.ts), so one never used again (or
   * only by guarded nudges, which write nothing) does not tell who erased (found in review, stop 60).
   * An old document holds neither the tenant nor the Teams id it was made from, only their plain
   * hash: it is moved where a person's job in the outbox names them (the hash of its tenant and
   * person matches), and deleted otherwise, after which that person's chat is opened once more by
   * their next message (Teams returns the same chat). Also deleted: an old one whose keyed twin
   * exists (a move whose delete failed), and one recording no owner that matches nobody (it cannot
   * be told from a keyed one of a person without an app id; deleting that costs the same reopen).
   * Each step is safe to run again, by two instances at once as well. Cross-partition reads: at
   * start-up only.
   */
  async keyRememberedChats(): Promise<{ moved: number; deleted: number }> {
    const { resources: chats } = await this.container.items
      .query<PersonalConversationDoc>("SELECT * FROM c WHERE c.type = 'personalConversation' AND NOT IS_DEFINED(c.ownerKey)")
      .fetchAll();
    if (chats.length === 0) return { moved: 0, deleted: 0 };
    const { resources: jobs } = await this.container.items
      .query<Pick<OutboxJob, 'tenantId' | 'target'>>("SELECT c.tenantId, c.target FROM c WHERE c.type = 'outboxJob' AND c.target.kind = 'person'")
      .fetchAll();
    const people = new Map<string, { tenantId: string; userId: string; appUserId?: string }>();
    const keyedIds = new Set<string>();
    for (const { tenantId, target } of jobs) {
      // An ended one names nobody (`endedNamingNobody`): it tells no chat's person.
      if (target.kind !== 'person' || target.userId === NAMES_NOBODY) continue;
      const plainId = stableId('oc', tenantId, target.userId);
      keyedIds.add(this.personalConversationId(tenantId, target.userId));
      const known = people.get(plainId);
      if (!known?.appUserId) people.set(plainId, { tenantId, userId: target.userId, appUserId: target.appUserId ?? known?.appUserId });
    }
    const counts = { moved: 0, deleted: 0 };
    for (const raw of chats) {
      const chat = clean<PersonalConversationDoc>(raw as unknown as Record<string, unknown>);
      // A keyed one of a person without an app id, known by their job: kept.
      if (keyedIds.has(chat.id)) continue;
      const person = people.get(chat.id);
      if (person && (await this.read(this.personalConversationId(person.tenantId, person.userId)))?.type !== 'personalConversation') {
        await this.movePersonalConversation(person.tenantId, person.userId, chat, person.appUserId);
        counts.moved++;
      } else if (await this.deleteIfThere(chat.id)) {
        counts.deleted++;
      }
    }
    return counts;
  }

  // ---- erasure ------------------------------------------------------------------------------

  /**
   * Forgets a person who erased their data: their remembered 1:1 chats, every message addressed
   * to them (by id or to their 1:1 chat, sent or not: nothing should still reach an erased
   * person), the nudges whose guard names them, messages about them (`about`), and older
   * messages in the given chats that name them. A waiting message for others that only lists
   * them (`listed`: a shared card's refresh list) is kept, without them (see `keepWithout`).
   * A job being sent at this moment loses its document; the sender then finds it gone (404) and
   * moves on. A job marked `keyOutlivesErasure` leaves its key behind, blank (`erasedJobKey`, under
   * an id keyed with the app's secret, `erasedKeyId`), written before the job is deleted: a press
   * delivered again queues nothing under that key. Safe to run again.
   */
  async forgetPerson(p: OutboxPerson): Promise<{ messages: number; conversations: number }> {
    const conversationIds = new Set(p.conversationIds);
    let conversations = 0;
    for (const tenantId of new Set(p.tenantIds)) {
      for (const platformId of new Set(p.platformIds)) {
        // Both shapes: under the plain hash (one not yet moved, or half moved) and keyed (since stop 60).
        // The old one first: a move writes the keyed one before it deletes the old one, so a move
        // running between the two reads leaves nothing behind, in any order (found in review, stop 60).
        for (const id of [stableId('oc', tenantId, platformId), this.personalConversationId(tenantId, platformId)]) {
          const chat = await this.read(id);
          if (chat?.type !== 'personalConversation') continue;
          conversationIds.add(String(chat.conversationId));
          if (await this.deleteIfThere(id)) conversations++;
        }
      }
    }
    // Their 1:1 chats known only by their app id (an erasure from the tab, which has no Teams id): by
    // their keyed owner, or (the old shape) their app id in clear.
    const { resources: chats } = await this.container.items
      .query<PersonalConversationDoc>({
        query: "SELECT * FROM c WHERE c.type = 'personalConversation' AND (c.ownerKey = @ownerKey OR c.ownerId = @userId)",
        parameters: [{ name: '@ownerKey', value: personalConversationOwnerOf(this.erasedKeySecret, p.userId) }, { name: '@userId', value: p.userId }],
      })
      .fetchAll();
    for (const chat of chats) {
      conversationIds.add(chat.conversationId);
      if (await this.deleteIfThere(chat.id)) conversations++;
    }
    const keys = [...new Set([...p.platformIds.map((id) => `person:${id}`), ...conversationIds])];
    // `about` holds app ids; a Teams id put there (a card's refresh list) is found as well.
    const aboutIds = [...new Set([p.userId, ...p.platformIds])];
    const aboutMatch = aboutIds.map((_, i) => `ARRAY_CONTAINS(c.about, @about${i}) OR ARRAY_CONTAINS(c.listedIds, @about${i})`).join(' OR ');
    const { resources: found } = await this.container.items
      .query<Record<string, unknown>>({
        query:
          "SELECT * FROM c WHERE c.type = 'outboxJob' AND " +
          `(ARRAY_CONTAINS(@keys, c.conversationKey) OR c.target.appUserId = @userId OR c.guard.args.userId = @userId OR ${aboutMatch})`,
        parameters: [{ name: '@keys', value: keys }, { name: '@userId', value: p.userId }, ...aboutIds.map((value, i) => ({ name: `@about${i}`, value }))],
      })
      .fetchAll();
    const addressed: Versioned<OutboxJob>[] = [];
    const ids = new Set(aboutIds);
    for (const job of found.map((r) => clean<OutboxJob>(r))) {
      const toThem = keys.includes(job.conversationKey) || job.target.kind === 'person' || job.guard !== undefined;
      // A message for others that only lists them (a group's session card, a team's poll card) still goes out, without them.
      if (toThem || !(await this.keepWithout(job, ids))) addressed.push(job);
    }
    const mentioned: string[] = [];
    for (const m of p.mentions) {
      const needle = JSON.stringify(m.text).slice(1, -1);
      const { resources } = await this.container.items
        .query<{ id: string; payload: unknown }>({
          // Only messages from before `about` existed: a name is a poor key (a namesake, a rename).
          query: "SELECT c.id, c.payload FROM c WHERE c.type = 'outboxJob' AND c.conversationKey = @key AND NOT IS_DEFINED(c.about)",
          parameters: [{ name: '@key', value: m.conversationId.split(';messageid=')[0]! }],
        })
        .fetchAll();
      mentioned.push(...resources.filter((r) => needle && JSON.stringify(r.payload).includes(needle)).map((r) => r.id));
    }
    let messages = 0;
    const keysKept = new Map(addressed.filter((job) => job.keyOutlivesErasure).map((job) => [job.id, job]));
    for (const id of new Set([...addressed.map((r) => r.id), ...mentioned])) {
      const job = keysKept.get(id);
      // The blank first, then the delete: no moment where the key is free (`erasedKeyHolds`). Not in
      // the job's place: its id is a plain hash of its key, which whoever knows the key recomputes.
      if (job) await this.leaveKey(job);
      if ((await this.deleteIfThere(id)) || job) messages++;
    }
    return { messages, conversations };
  }

  /**
   * Takes the person off a waiting message for others that only lists them (see
   * `withoutListedPerson`), ETag-guarded: a sender that moved it meanwhile makes it read again.
   * False when it is to be deleted instead: it names them beyond a list, it is no longer waiting
   * (being sent right now, or a record of what was sent), or it kept changing.
   */
  private async keepWithout(job: Versioned<OutboxJob>, ids: ReadonlySet<string>): Promise<boolean> {
    let current: Versioned<OutboxJob> | undefined = job;
    for (let attempt = 0; attempt < 5 && current; attempt++) {
      if (current.status !== 'pending') return false;
      const next = withoutListedPerson(current, ids, current.onSent && this.olderForms.get(current.onSent.kind));
      if (!next) return false;
      if (await this.replaceIfUnchanged(current, next)) return true;
      current = await this.get(job.id);
    }
    return !current;
  }

  private readonly olderForms = new Map<string, OlderForm>();

  /**
   * How an erasure keeps a waiting message with this `onSent` hook that was queued in an older
   * form (`about` listing everyone its card refreshes for): brought to its current form, and
   * then kept without the erased person, rather than deleted for everyone.
   */
  keepOlderForm(onSentKind: string, toCurrent: OlderForm): void {
    this.olderForms.set(onSentKind, toCurrent);
  }

  private async deleteIfThere(id: string): Promise<boolean> {
    try {
      await this.container.item(id, id).delete();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  // ---- tenant leases ------------------------------------------------------------------------

  /**
   * Takes or renews the tenant's lease for `owner`; undefined when another live owner holds it.
   * Says who held it before and until when, so a new holder knows whether someone may have sent
   * for the tenant within the last rate window.
   */
  async acquireLease(tenantId: string, owner: string, now: Date, ms: number): Promise<LeaseGrant | undefined> {
    const id = stableId('ol', tenantId);
    const expiresAt = new Date(now.getTime() + ms);
    const doc: TenantLeaseDoc = { id, type: 'tenantLease', tenantId, owner, expiresAt: expiresAt.toISOString() };
    let current: (TenantLeaseDoc & { _etag: string }) | undefined;
    try {
      const { resource } = await this.container.item(id, id).read<TenantLeaseDoc & { _etag: string }>();
      current = resource ?? undefined;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    try {
      if (!current) {
        await this.container.items.create(doc);
        return { expiresAt };
      }
      if (current.owner !== owner && current.expiresAt > now.toISOString()) return undefined;
      await this.container.item(id, id).replace(doc, { accessCondition: { type: 'IfMatch', condition: current._etag } });
      return { expiresAt, previous: { owner: current.owner, expiresAt: new Date(current.expiresAt) } };
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412) return undefined;
      throw err;
    }
  }

  /** Hands the lease back now; its expiry becomes the moment of release (the holder's last call came before it). */
  async releaseLease(tenantId: string, owner: string): Promise<void> {
    const id = stableId('ol', tenantId);
    try {
      const { resource } = await this.container.item(id, id).read<TenantLeaseDoc & { _etag: string }>();
      if (!resource || resource.owner !== owner) return;
      await this.container.item(id, id).replace({ ...withoutEtag(resource), expiresAt: new Date().toISOString() }, { accessCondition: { type: 'IfMatch', condition: resource._etag } });
    } catch (err) {
      const status = statusOf(err);
      if (status !== 404 && status !== 412) throw err;
    }
  }
}
