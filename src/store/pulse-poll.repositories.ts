import { Container } from '@azure/cosmos';
import { OpenAnswer, PollAnswer, RespondentMarker } from '../domain/pulse-poll/answer';
import { Poll } from '../domain/pulse-poll/poll';
import { AnswerRepository, Installation, InstallationRepository, PollRepository } from '../domain/pulse-poll/ports';
import { stableId } from '../domain/shared/ids';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

export class CosmosPollRepository implements PollRepository {
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
}

/**
 * Markers live in `polls` (partition: the poll), answers in `pollAnswers`: apart, with random or
 * hashed ids, and nothing in common but the poll. Markers carry no team and no time of their own.
 */
export class CosmosAnswerRepository implements AnswerRepository {
  private readonly markers: Container;
  private readonly answerContainer: Container;
  private readonly answerStore: DocumentStore<PollAnswer>;
  private readonly openStore: DocumentStore<OpenAnswer>;
  constructor(conn: CosmosConnection) {
    this.markers = conn.container('polls');
    this.answerContainer = conn.container('pollAnswers');
    this.answerStore = new DocumentStore<PollAnswer>(conn.container('pollAnswers'), (a) => a.pollId);
    this.openStore = new DocumentStore<OpenAnswer>(conn.container('pollAnswers'), (a) => a.pollId);
  }

  private markerId(pollId: string, hash: string): string {
    return stableId('pr', pollId, hash);
  }

  async markRespondent(pollId: string, hash: string): Promise<boolean> {
    const marker: RespondentMarker = { id: this.markerId(pollId, hash), pollId, type: 'respondent', hash };
    try {
      await this.markers.items.create(marker);
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  async unmarkRespondent(pollId: string, hash: string): Promise<void> {
    try {
      await this.markers.item(this.markerId(pollId, hash), pollId).delete();
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  async hasResponded(pollId: string, hash: string): Promise<boolean> {
    try {
      const { resource } = await this.markers.item(this.markerId(pollId, hash), pollId).read<RespondentMarker>();
      return resource?.type === 'respondent' && resource.pollId === pollId;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  async respondentHashes(pollId: string): Promise<Set<string>> {
    const { resources } = await this.markers.items
      .query<string>({
        query: "SELECT VALUE c.hash FROM c WHERE c.type = 'respondent' AND c.pollId = @pollId",
        parameters: [{ name: '@pollId', value: pollId }],
      }, { partitionKey: pollId })
      .fetchAll();
    return new Set(resources);
  }

  async addAnswer(answer: PollAnswer): Promise<void> {
    await this.answerStore.create(answer);
  }

  async removeAnswer(pollId: string, answerId: string): Promise<void> {
    await this.answerStore.delete(answerId, pollId);
  }

  async addOpenAnswer(answer: OpenAnswer): Promise<void> {
    await this.openStore.create(answer);
  }

  answers(pollId: string): Promise<PollAnswer[]> {
    return this.answerStore.query({ query: "SELECT * FROM c WHERE c.type = 'answer' AND c.pollId = @pollId", parameters: [{ name: '@pollId', value: pollId }] }, pollId);
  }

  openAnswers(pollId: string): Promise<OpenAnswer[]> {
    return this.openStore.query({ query: "SELECT * FROM c WHERE c.type = 'openAnswer' AND c.pollId = @pollId", parameters: [{ name: '@pollId', value: pollId }] }, pollId);
  }

  async countsByTarget(pollId: string): Promise<Record<string, number>> {
    const { resources } = await this.answerContainer.items
      .query<string>({ query: "SELECT VALUE c.targetId FROM c WHERE c.type = 'answer' AND c.pollId = @pollId", parameters: [{ name: '@pollId', value: pollId }] }, { partitionKey: pollId })
      .fetchAll();
    const counts: Record<string, number> = {};
    for (const t of resources) counts[t] = (counts[t] ?? 0) + 1;
    return counts;
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
