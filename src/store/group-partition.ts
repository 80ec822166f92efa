import { Judgement, Proposal } from '../domain/proposal/proposal';
import { Cycle } from '../domain/week-cycle/cycle';
import { Group } from '../domain/week-cycle/group';
import { Session } from '../domain/week-cycle/session';
import { CheckIn, Contribution, Presence } from '../domain/week-cycle/session-items';
import { Stored, strip } from './document-store';

/**
 * The `sessions` container is partitioned by group (`/groupId`): everything of one group lives
 * in one partition, so a turn reads what it needs with one single-partition query and members
 * add their items there without rewriting a shared document.
 */
export const GROUP_PARTITION_CONTAINER = 'sessions' as const;

/** The group document as stored: the domain's Group, with its partition key and type. */
export type GroupDoc = Group & { type: 'group'; groupId: string };

export function toGroupDoc(group: Group): GroupDoc {
  return { ...group, type: 'group', groupId: group.id };
}

export function fromGroupDoc(doc: GroupDoc | Group): Group {
  const { type: _type, groupId: _groupId, ...group } = doc as GroupDoc;
  return group;
}

export type PartitionDoc = GroupDoc | Cycle | Session | Contribution | CheckIn | Presence | Proposal | Judgement;

/** The documents of one partition query, sorted by type, with the versions of those a turn may replace. */
export interface PartitionDocs {
  group?: Group;
  cycles: Cycle[];
  /** Each cycle's version (ETag) as read, by id, so a step on it replaces exactly what was read. */
  cycleVersions: Record<string, string>;
  sessions: { doc: Session; version: string }[];
  contributions: Contribution[];
  checkIns: CheckIn[];
  presence: Presence[];
  proposals: { doc: Proposal; version: string }[];
  judgements: Judgement[];
  /** Each judgement's version (ETag) as read, by id, so a change of mind replaces exactly what was read. */
  judgementVersions: Record<string, string>;
}

export function sortDocs(docs: Stored<PartitionDoc>[]): PartitionDocs {
  const out: PartitionDocs = { cycles: [], cycleVersions: {}, sessions: [], contributions: [], checkIns: [], presence: [], proposals: [], judgements: [], judgementVersions: {} };
  for (const raw of docs) {
    const version = raw._etag ?? '';
    const doc = strip(raw) as PartitionDoc;
    switch (doc.type) {
      case 'group':
        out.group = fromGroupDoc(doc);
        break;
      case 'cycle':
        out.cycles.push(doc);
        if (version) out.cycleVersions[doc.id] = version;
        break;
      case 'session':
        out.sessions.push({ doc, version });
        break;
      case 'contribution':
        out.contributions.push(doc);
        break;
      case 'checkIn':
        out.checkIns.push(doc);
        break;
      case 'presence':
        out.presence.push(doc);
        break;
      case 'proposal':
        out.proposals.push({ doc, version });
        break;
      case 'judgement':
        out.judgements.push(doc);
        if (version) out.judgementVersions[doc.id] = version;
        break;
    }
  }
  out.sessions.sort((a, b) => a.doc.seq - b.doc.seq);
  return out;
}
