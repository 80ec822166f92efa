import { Jaarplan, JaarplanRepository } from '../domain/hr-report/jaarplan';
import { stableId } from '../domain/shared/ids';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

type JaarplanDoc = Jaarplan & { id: string; type: 'jaarplan' };

/**
 * The Jaarplan Duurzaam leren targets: one small document per tenant and year, in the tenant's
 * partition of `installations` (organisation data, kept for good like the tenant's teams). Its id
 * follows from tenant and year, so two first saves meet on one document; every change is an ETag
 * replace. It holds no person's name or id: nothing of it belongs in an export or an erasure.
 */
export class CosmosJaarplanRepository implements JaarplanRepository {
  private readonly store: DocumentStore<JaarplanDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<JaarplanDoc>(conn.container('installations'), (d) => d.tenantId);
  }

  private idOf(tenantId: string, year: number): string {
    return stableId('jaarplan', tenantId, String(year));
  }

  async get(tenantId: string, year: number): Promise<Jaarplan | undefined> {
    const doc = await this.store.get(this.idOf(tenantId, year), tenantId);
    return doc?.type === 'jaarplan' && doc.tenantId === tenantId ? plain(doc) : undefined;
  }

  async create(plan: Jaarplan): Promise<{ plan: Jaarplan; created: boolean }> {
    const { doc, created } = await this.store.create({ ...plan, id: this.idOf(plan.tenantId, plan.year), type: 'jaarplan' });
    return { plan: plain(doc), created };
  }

  async update(tenantId: string, year: number, mutate: Mutate<Jaarplan>): Promise<Jaarplan> {
    const doc = await this.store.update(this.idOf(tenantId, year), tenantId, (current) => {
      const base = plain(current);
      const next = mutate(base);
      return next === base ? current : { ...next, id: current.id, type: 'jaarplan' };
    });
    return plain(doc);
  }
}

function plain(doc: JaarplanDoc): Jaarplan {
  const { id: _id, type: _type, ...plan } = doc;
  return plan;
}
