import { LearningTheme } from '../domain/learning-needs/learning-need';
import { LoOffer, LoOfferRepository } from '../domain/learning-needs/lo-offer';
import { stableId } from '../domain/shared/ids';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

type LoOfferDoc = LoOffer & { id: string; type: 'loOffer' };

/**
 * L&O's offers: one small document per tenant and theme, in the tenant's partition of
 * `installations` (organisation data, like the Jaarplan). Its id follows from tenant and theme, so
 * two first saves meet on one document; every change is an ETag replace. It holds no person's
 * name or id: a person's export and erasure have nothing to do here.
 */
export class CosmosLoOfferRepository implements LoOfferRepository {
  private readonly store: DocumentStore<LoOfferDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<LoOfferDoc>(conn.container('installations'), (d) => d.tenantId);
  }

  private idOf(tenantId: string, theme: LearningTheme): string {
    return stableId('loOffer', tenantId, theme);
  }

  async get(tenantId: string, theme: LearningTheme): Promise<LoOffer | undefined> {
    const doc = await this.store.get(this.idOf(tenantId, theme), tenantId);
    return doc?.type === 'loOffer' && doc.tenantId === tenantId && doc.theme === theme ? plain(doc) : undefined;
  }

  async listOfTenant(tenantId: string): Promise<LoOffer[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'loOffer' AND c.tenantId = @tenantId", parameters: [{ name: '@tenantId', value: tenantId }] }, tenantId);
    return docs.filter((d) => d.tenantId === tenantId).map(plain);
  }

  async create(offer: LoOffer): Promise<{ offer: LoOffer; created: boolean }> {
    const { doc, created } = await this.store.create({ ...offer, id: this.idOf(offer.tenantId, offer.theme), type: 'loOffer' });
    return { offer: plain(doc), created };
  }

  async update(tenantId: string, theme: LearningTheme, mutate: Mutate<LoOffer>): Promise<LoOffer> {
    const doc = await this.store.update(this.idOf(tenantId, theme), tenantId, (current) => {
      const base = plain(current);
      const next = mutate(base);
      return next === base ? current : { ...next, id: current.id, type: 'loOffer' };
    });
    return plain(doc);
  }
}

function plain(doc: LoOfferDoc): LoOffer {
  const { id: _id, type: _type, ...offer } = doc;
  return offer;
}
