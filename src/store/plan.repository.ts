import { planIdFor, PlanRepository, RhythmPlan } from '../domain/week-cycle/plan';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';
import { GROUP_PARTITION_CONTAINER } from './group-partition';

/** The group's plan: one document in the group's partition, next to its cycles. */
export class CosmosPlanRepository implements PlanRepository {
  private readonly store: DocumentStore<RhythmPlan>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<RhythmPlan>(conn.container(GROUP_PARTITION_CONTAINER), (p) => p.groupId);
  }
  async get(groupId: string) {
    const doc = await this.store.get(planIdFor(groupId), groupId);
    return doc?.type === 'plan' ? doc : undefined;
  }
  async create(plan: RhythmPlan) {
    const { doc, created } = await this.store.create(plan);
    return { plan: doc, created };
  }
  update(groupId: string, mutate: Mutate<RhythmPlan>) {
    return this.store.update(planIdFor(groupId), groupId, mutate);
  }
}
