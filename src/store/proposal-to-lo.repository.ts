import { Proposal } from '../domain/proposal/proposal';
import { GroupProposalReader, SharedProposal, SharedProposalRepository } from '../domain/proposal/proposal-to-lo';
import { Group } from '../domain/week-cycle/group';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';
import { fromGroupDoc, GROUP_PARTITION_CONTAINER, GroupDoc } from './group-partition';

type SharedProposalDoc = SharedProposal & { type: 'proposalToLo' };

/**
 * Proposals shared with L&O: one small document per tenant and proposal in the tenant's partition
 * of `installations` (organisation data, like L&O's offers and the Jaarplan), so L&O's list is one
 * single-partition query. Its id follows from tenant and proposal, so two members sharing at once
 * meet on one document; an answer is an ETag replace. It names no person: a member's export and
 * erasure have nothing to do here.
 */
export class CosmosSharedProposalRepository implements SharedProposalRepository {
  private readonly store: DocumentStore<SharedProposalDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<SharedProposalDoc>(conn.container('installations'), (d) => d.tenantId);
  }

  async get(tenantId: string, id: string): Promise<SharedProposal | undefined> {
    const doc = await this.store.get(id, tenantId);
    return doc?.type === 'proposalToLo' && doc.tenantId === tenantId ? plain(doc) : undefined;
  }

  async listOfTenant(tenantId: string): Promise<SharedProposal[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.tenantId = @tenantId", parameters: [{ name: '@tenantId', value: tenantId }] }, tenantId);
    return docs.filter((d) => d.tenantId === tenantId).map(plain);
  }

  async create(shared: SharedProposal): Promise<{ shared: SharedProposal; created: boolean }> {
    const { doc, created } = await this.store.create({ ...shared, type: 'proposalToLo' });
    return { shared: plain(doc), created };
  }

  async update(tenantId: string, id: string, mutate: Mutate<SharedProposal>): Promise<SharedProposal> {
    const doc = await this.store.update(id, tenantId, (current) => {
      // The container holds the tenant's other records too (the Jaarplan, L&O's offers) under ids a
      // press may name: only a shared proposal is one, anything else is as good as not there.
      if (current.type !== 'proposalToLo' || current.tenantId !== tenantId) throw Object.assign(new Error('not a shared proposal'), { code: 404 });
      const base = plain(current);
      const next = mutate(base);
      return next === base ? current : { ...next, type: 'proposalToLo' };
    });
    return plain(doc);
  }

  async markNoticed(tenantId: string, id: string, at: string): Promise<SharedProposal | undefined> {
    try {
      return await this.update(tenantId, id, (current) => (current.noticedAt ? current : { ...current, noticedAt: at }));
    } catch (err) {
      if ((err as { code?: unknown })?.code === 404) return undefined;
      throw err;
    }
  }
}

function plain(doc: SharedProposalDoc): SharedProposal {
  const { type: _type, ...shared } = doc;
  return shared;
}

type GroupPartitionDoc = (GroupDoc | Proposal) & { id: string; groupId: string };

/**
 * The group and one proposal of it, for a press in the group's chat: both in the group's partition,
 * read with one single-partition query by their ids (no query plan, no fan-out).
 */
export class CosmosGroupProposalReader implements GroupProposalReader {
  private readonly store: DocumentStore<GroupPartitionDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<GroupPartitionDoc>(conn.container(GROUP_PARTITION_CONTAINER), (d) => d.groupId);
  }

  async groupAndProposal(groupId: string, proposalId: string): Promise<{ group?: Group; proposal?: Proposal }> {
    const docs = await this.store.query(
      { query: 'SELECT * FROM c WHERE c.groupId = @groupId AND (c.id = @groupId OR c.id = @proposalId)', parameters: [{ name: '@groupId', value: groupId }, { name: '@proposalId', value: proposalId }] },
      groupId,
    );
    const group = docs.find((d): d is GroupDoc => d.type === 'group' && d.id === groupId);
    const proposal = docs.find((d): d is Proposal => d.type === 'proposal' && d.id === proposalId);
    return { ...(group ? { group: fromGroupDoc(group) } : {}), ...(proposal ? { proposal } : {}) };
  }

  async group(groupId: string): Promise<Group | undefined> {
    const doc = await this.store.get(groupId, groupId);
    return doc?.type === 'group' ? fromGroupDoc(doc as GroupDoc) : undefined;
  }
}
