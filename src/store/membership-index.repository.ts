import { blankMembershipIndex, MembershipIndexDoc, membershipIndexId, withJoinStampedAt, withMembership, withoutJoin, withSetupJoin } from '../domain/week-cycle/membership-index';
import { MembershipEntry, MembershipIndex } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

/** Each person's membership index, in their own `personal` partition. */
export class CosmosMembershipIndex implements MembershipIndex {
  private readonly store: DocumentStore<MembershipIndexDoc>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<MembershipIndexDoc>(conn.container('personal'), (d) => d.userId);
  }

  async groupsOf(userId: string): Promise<MembershipEntry[]> {
    const doc = await this.store.get(membershipIndexId(userId), userId);
    if (doc?.type !== 'membershipIndex' || doc.userId !== userId) return [];
    return Object.entries(doc.groups).map(([groupId, e]) => ({ groupId, ...e }));
  }

  async record(groupId: string, groupName: string, changes: { joined: string[]; left: string[] }, at: string): Promise<void> {
    const apply = (userId: string, member: boolean) => this.change(userId, at, (doc) => withMembership(doc, groupId, groupName, member, at));
    await Promise.all([...changes.joined.map((u) => apply(u, true)), ...changes.left.map((u) => apply(u, false))]);
  }

  recordJoin(groupId: string, groupName: string, userId: string, at: string): Promise<void> {
    return this.change(userId, at, (doc) => withJoinStampedAt(doc, groupId, groupName, at));
  }

  recordSetupJoin(groupId: string, groupName: string, userId: string, at: string, press: string | undefined): Promise<void> {
    return this.change(userId, at, (doc) => withSetupJoin(doc, groupId, groupName, at, press));
  }

  private async change(userId: string, at: string, change: (doc: MembershipIndexDoc) => MembershipIndexDoc): Promise<void> {
    try {
      await this.store.update(membershipIndexId(userId), userId, change);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      // The person's first group: create the index; if someone else just did, change theirs.
      const { created } = await this.store.create(change(blankMembershipIndex(userId, at)));
      if (!created) await this.store.update(membershipIndexId(userId), userId, change);
    }
  }

  async takeBackJoin(groupId: string, userId: string, at: string): Promise<void> {
    try {
      await this.store.updateOrDelete(membershipIndexId(userId), userId, (doc) => (doc.type === 'membershipIndex' && doc.userId === userId ? withoutJoin(doc, groupId, at) : doc));
    } catch (err) {
      if (statusOf(err) !== 404 && (err as { code?: number }).code !== 404) throw err;
    }
  }
}
