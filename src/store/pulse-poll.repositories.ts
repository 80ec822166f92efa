import { Container } from '@azure/cosmos';
import { LegacyAnswers } from '../domain/pulse-poll/legacy';
import { Poll } from '../domain/pulse-poll/poll';
import { Installation, InstallationRepository, LegacyAnswerRepository, OpenPrivatePolls, PollRepository, PollStartLease, TallyRepository, TeamPollLocks } from '../domain/pulse-poll/ports';
import { PollTally, TALLY_ID } from '../domain/pulse-poll/tally';
import { DomainError } from '../domain/shared/errors';
import { stableId } from '../domain/shared/ids';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

export class CosmosPollRepository implements PollRepository, OpenPrivatePolls {
  private readonly store: DocumentStore<Poll>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<Poll>(conn.container('polls'), (p) => p.pollId);
  }
  async get(pollId: string) {
    const poll = await this.store.get(pollId, pollId);
    return poll?.type === 'poll' ? poll : undefined;
  }
  async create(poll: Poll) {
    const { doc, created } = await this.store.create(poll);
    return { poll: doc, created };
  }
  update(pollId: string, mutate: Mutate<Poll>) {
    return this.store.update(pollId, pollId, mutate);
  }
  listForTenant(tenantId: string) {
    return this.store.query({
      query: "SELECT * FROM c WHERE c.type = 'poll' AND c.tenantId = @tenantId ORDER BY c.opensAt DESC",
      parameters: [{ name: '@tenantId', value: tenantId }],
    });
  }
  /** For erasure only (across partitions): the polls this person started. */
  startedBy(userId: string, platformIds: string[]) {
    return this.store.query({
      query: "SELECT * FROM c WHERE c.type = 'poll' AND (c.startedBy = @userId OR ARRAY_CONTAINS(@teamsIds, c.startedByTeamsId))",
      parameters: [{ name: '@userId', value: userId }, { name: '@teamsIds', value: platformIds }],
    });
  }
  /** For erasure only (across partitions): the private polls still open, whose tallies list who was asked. */
  openPrivate() {
    return this.store.query({ query: "SELECT * FROM c WHERE c.type = 'poll' AND c.status = 'open' AND c.delivery = 'private'", parameters: [] });
  }
}

type Versioned<T> = T & { _etag?: string; _rid?: string; _self?: string; _ts?: number; _attachments?: string };

function stripSystem<T>(doc: Versioned<T>): T {
  const { _etag, _rid, _self, _ts, _attachments, ...rest } = doc as Versioned<T> & Record<string, unknown>;
  return rest as T;
}

/** A short random pause that grows with the attempt, so writers that collided spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(250, 5 * 1.5 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * How long an answer keeps trying to fold itself into the tally while others win the race: each
 * conflict costs a re-read and one more try. Enough for a whole team pressing "send" at once, and
 * short enough that the member hears back before Teams gives up on the card action; beyond it
 * they are told it is busy, with nothing stored.
 */
export const TALLY_WRITE_BUDGET_MS = 8_000;

/**
 * A poll's tally: one document in `pollAnswers`, partition the poll. Every change is a replace
 * under the ETag read before it; a writer that lost the race re-reads and re-applies its change,
 * so concurrent answers are all folded in and none twice.
 */
export class CosmosTallyRepository implements TallyRepository {
  private readonly container: Container;
  private readonly store: DocumentStore<PollTally>;
  /** `writeBudgetMs`: TALLY_WRITE_BUDGET_MS unless told (tests that only need a busy tally shorten it). */
  constructor(conn: CosmosConnection, private readonly writeBudgetMs = TALLY_WRITE_BUDGET_MS) {
    this.container = conn.container('pollAnswers');
    this.store = new DocumentStore<PollTally>(this.container, (t) => t.pollId);
  }

  async get(pollId: string): Promise<PollTally | undefined> {
    const tally = await this.store.get(TALLY_ID, pollId);
    return tally?.type === 'tally' ? tally : undefined;
  }

  async create(tally: PollTally): Promise<PollTally> {
    return (await this.store.create(tally)).doc;
  }

  async update(pollId: string, mutate: Mutate<PollTally>): Promise<PollTally> {
    const giveUpAt = Date.now() + this.writeBudgetMs;
    for (let attempt = 1; ; attempt++) {
      let current: Versioned<PollTally> | undefined;
      try {
        current = (await this.container.item(TALLY_ID, pollId).read<Versioned<PollTally>>()).resource ?? undefined;
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
      if (!current) throw Object.assign(new Error('poll tally not found'), { code: 404 });
      const base = stripSystem(current);
      const next = mutate(base);
      if (next === base) return base;
      try {
        const { resource } = await this.container.item(TALLY_ID, pollId).replace<PollTally>(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
        return stripSystem(resource as Versioned<PollTally>);
      } catch (err) {
        // Not retried here: a re-applied answer would find its own marker and call itself a second
        // answer. Whether it was stored is for the caller to read back (see TallyRepository.update).
        if (statusOf(err) !== 412) throw err;
        if (Date.now() >= giveUpAt) throw new DomainError('pollBusy', 'the tally stayed contended');
        await backoff(attempt);
      }
    }
  }
}

/**
 * The storage shape before tallies: respondent markers in `polls`, and each answer and open
 * answer as a document of its own in `pollAnswers`. Only read (to migrate) and deleted.
 */
export class CosmosLegacyAnswerRepository implements LegacyAnswerRepository {
  private readonly markers: Container;
  private readonly answers: Container;
  constructor(conn: CosmosConnection) {
    this.markers = conn.container('polls');
    this.answers = conn.container('pollAnswers');
  }

  async read(pollId: string): Promise<LegacyAnswers> {
    const query = <T>(container: Container, type: string, fields: string) =>
      container.items
        .query<T>({ query: `SELECT ${fields} FROM c WHERE c.type = @type AND c.pollId = @pollId`, parameters: [{ name: '@type', value: type }, { name: '@pollId', value: pollId }] }, { partitionKey: pollId })
        .fetchAll()
        .then((r) => r.resources);
    const [markers, answers, comments] = await Promise.all([
      query<LegacyAnswers['markers'][number]>(this.markers, 'respondent', 'c.id, c.hash'),
      query<LegacyAnswers['answers'][number]>(this.answers, 'answer', 'c.id, c.targetId, c.scores'),
      query<LegacyAnswers['comments'][number]>(this.answers, 'openAnswer', 'c.id, c.targetId, c.text'),
    ]);
    return { markers, answers, comments };
  }

  async remove(pollId: string, legacy: LegacyAnswers): Promise<void> {
    const remove = async (container: Container, id: string) => {
      try {
        await container.item(id, pollId).delete();
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    };
    for (const m of legacy.markers) await remove(this.markers, m.id);
    for (const a of [...legacy.answers, ...legacy.comments]) await remove(this.answers, a.id);
  }

  async pollsWithLegacy(): Promise<string[]> {
    const ids = async (container: Container, filter: string) =>
      (await container.items.query<string>(`SELECT VALUE c.pollId FROM c WHERE ${filter}`).fetchAll()).resources;
    const found = [...(await ids(this.markers, "c.type = 'respondent'")), ...(await ids(this.answers, "c.type = 'answer' OR c.type = 'openAnswer'"))];
    return [...new Set(found)];
  }
}

interface TeamLockDoc {
  id: string;
  /** The container's partition key; here the lock's own id. */
  pollId: string;
  type: 'teamLock';
  tenantId: string;
  teamId: string;
  /** The poll that holds the team, while it is open. */
  holder?: string;
  /** When the holder claimed it (its start stores the poll after its claims). */
  claimedAt?: string;
}

/** One document per team in `polls`, claimed by a poll under its ETag. */
export class CosmosTeamPollLocks implements TeamPollLocks {
  private readonly container: Container;
  constructor(conn: CosmosConnection) {
    this.container = conn.container('polls');
  }

  private idOf(tenantId: string, teamId: string): string {
    return stableId('teamlock', tenantId, teamId);
  }

  private async read(id: string): Promise<Versioned<TeamLockDoc> | undefined> {
    try {
      return (await this.container.item(id, id).read<Versioned<TeamLockDoc>>()).resource ?? undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async claim(tenantId: string, teamId: string, pollId: string, at: string, holderHolds: (holderPollId: string, claimedAt: string | undefined) => Promise<boolean>): Promise<boolean> {
    const id = this.idOf(tenantId, teamId);
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(id);
      try {
        if (!current) {
          await this.container.items.create<TeamLockDoc>({ id, pollId: id, type: 'teamLock', tenantId, teamId, holder: pollId, claimedAt: at });
          return true;
        }
        if (current.holder === pollId) return true;
        if (current.holder && (await holderHolds(current.holder, current.claimedAt))) return false;
        await this.container.item(id, id).replace<TeamLockDoc>({ ...stripSystem(current), holder: pollId, claimedAt: at }, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
        return true;
      } catch (err) {
        const status = statusOf(err);
        if ((status !== 409 && status !== 412) || attempt >= 20) throw err;
        await backoff(attempt);
      }
    }
  }

  async holderOf(tenantId: string, teamId: string): Promise<string | undefined> {
    return (await this.read(this.idOf(tenantId, teamId)))?.holder;
  }

  async release(tenantId: string, teamId: string, pollId: string): Promise<void> {
    const id = this.idOf(tenantId, teamId);
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(id);
      if (current?.holder !== pollId) return;
      const { holder: _released, claimedAt: _at, ...free } = stripSystem(current);
      try {
        await this.container.item(id, id).replace<TeamLockDoc>(free, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
        return;
      } catch (err) {
        if (statusOf(err) !== 412 || attempt >= 20) throw err;
        await backoff(attempt);
      }
    }
  }
}

interface StartLeaseDoc {
  id: string;
  /** The container's partition key; here the lease's own id. */
  pollId: string;
  type: 'pollStartLease';
  tenantId: string;
  /** The start that holds it (a random id per attempt), until `expiresAt`. */
  holder?: string;
  expiresAt?: string;
}

/** The tenant's poll start lease (PollStartLease): one document in `polls`, written under its ETag. */
export class CosmosPollStartLease implements PollStartLease {
  private readonly container: Container;
  constructor(conn: CosmosConnection) {
    this.container = conn.container('polls');
  }

  private idOf(tenantId: string): string {
    return stableId('startlease', tenantId);
  }

  private async read(id: string): Promise<Versioned<StartLeaseDoc> | undefined> {
    try {
      return (await this.container.item(id, id).read<Versioned<StartLeaseDoc>>()).resource ?? undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async take(tenantId: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const id = this.idOf(tenantId);
    const current = await this.read(id);
    const doc: StartLeaseDoc = { id, pollId: id, type: 'pollStartLease', tenantId, holder, expiresAt: until.toISOString() };
    if (current?.holder && current.holder !== holder && current.expiresAt && new Date(current.expiresAt) > now) return false;
    try {
      if (!current) await this.container.items.create<StartLeaseDoc>(doc);
      else await this.container.item(id, id).replace<StartLeaseDoc>(doc, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
      return true;
    } catch (err) {
      // Another start wrote it first (created it, or replaced it since the read): that one holds it.
      const status = statusOf(err);
      if (status === 409 || status === 412) return false;
      throw err;
    }
  }

  async renew(tenantId: string, holder: string, until: Date): Promise<boolean> {
    const id = this.idOf(tenantId);
    const current = await this.read(id);
    if (current?.holder !== holder) return false;
    try {
      await this.container.item(id, id).replace<StartLeaseDoc>({ ...stripSystem(current), expiresAt: until.toISOString() }, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
      return true;
    } catch (err) {
      if (statusOf(err) === 412) return false;
      throw err;
    }
  }

  async release(tenantId: string, holder: string): Promise<void> {
    const id = this.idOf(tenantId);
    const current = await this.read(id);
    if (current?.holder !== holder) return;
    const { holder: _released, expiresAt: _until, ...free } = stripSystem(current);
    try {
      await this.container.item(id, id).replace<StartLeaseDoc>(free, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
    } catch (err) {
      // Taken over meanwhile (ours had expired): it is no longer ours to release.
      if (statusOf(err) !== 412) throw err;
    }
  }
}

type InstallationDoc = Installation & { type: 'installation' };

export class CosmosInstallationRepository implements InstallationRepository {
  private readonly store: DocumentStore<InstallationDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<InstallationDoc>(conn.container('installations'), (i) => i.tenantId);
  }

  private idOf(tenantId: string, teamId: string): string {
    return stableId('team', tenantId, teamId);
  }

  async record(installation: Omit<Installation, 'id'>): Promise<Installation> {
    const doc: InstallationDoc = { ...installation, id: this.idOf(installation.tenantId, installation.teamId), type: 'installation' };
    const { doc: existing, created } = await this.store.create(doc);
    if (created) return existing;
    return this.store.update(doc.id, doc.tenantId, (current) => {
      const next = { ...current, ...installation, name: installation.name || current.name, aadGroupId: installation.aadGroupId ?? current.aadGroupId };
      return JSON.stringify(next) === JSON.stringify(current) ? current : next;
    });
  }

  async markRemoved(tenantId: string, teamId: string): Promise<void> {
    await this.store.update(this.idOf(tenantId, teamId), tenantId, (c) => (c.installed ? { ...c, installed: false } : c)).catch((err) => {
      if ((err as { code?: number }).code !== 404) throw err;
    });
  }

  async rename(tenantId: string, teamId: string, name: string): Promise<void> {
    await this.store.update(this.idOf(tenantId, teamId), tenantId, (c) => (c.name === name ? c : { ...c, name })).catch((err) => {
      if ((err as { code?: number }).code !== 404) throw err;
    });
  }

  async get(tenantId: string, teamId: string): Promise<Installation | undefined> {
    const doc = await this.store.get(this.idOf(tenantId, teamId), tenantId);
    return doc && doc.tenantId === tenantId ? doc : undefined;
  }

  listInstalled(tenantId: string): Promise<Installation[]> {
    return this.store.query(
      { query: "SELECT * FROM c WHERE c.type = 'installation' AND c.tenantId = @tenantId AND c.installed = true ORDER BY c.name", parameters: [{ name: '@tenantId', value: tenantId }] },
      tenantId,
    );
  }
}
