import { ReportSource } from '../domain/hr-report/ports';
import { CosmosConnection } from './cosmos-connection';

interface SessionRow { groupId: string; startedAt: string; status: 'open' | 'closed'; attendeeIds: string[]; energy: { in: Record<string, number>; out: Record<string, number> } }
interface ProposalRow { groupId: string; createdAt: string; verdict?: 'accept' | 'adapt' | 'reject'; decidedAt?: string }

/**
 * The HR report's reads: cross-partition and projected to the fields it counts. Energy scores
 * leave the store without the ids they are keyed by.
 */
export class CosmosReportSource implements ReportSource {
  constructor(private readonly conn: CosmosConnection) {}

  async sessions(fromIso: string, toIso: string) {
    const { resources } = await this.conn
      .container('sessions')
      .items.query<SessionRow>({
        query: "SELECT c.groupId, c.startedAt, c.status, c.attendeeIds, c.energy FROM c WHERE c.type = 'session' AND c.startedAt >= @from AND c.startedAt <= @to",
        parameters: [{ name: '@from', value: fromIso }, { name: '@to', value: toIso }],
      })
      .fetchAll();
    return resources.map((s) => ({
      groupId: s.groupId,
      startedAt: s.startedAt,
      status: s.status,
      attendees: s.attendeeIds.length,
      energyIn: Object.values(s.energy?.in ?? {}),
      energyOut: Object.values(s.energy?.out ?? {}),
    }));
  }

  async proposals(fromIso: string, toIso: string) {
    const { resources } = await this.conn
      .container('proposals')
      .items.query<ProposalRow>({
        query: "SELECT c.groupId, c.createdAt, c.decision.verdict AS verdict, c.decision.at AS decidedAt FROM c WHERE c.type = 'proposal' AND ((c.createdAt >= @from AND c.createdAt <= @to) OR (c.decision.at >= @from AND c.decision.at <= @to))",
        parameters: [{ name: '@from', value: fromIso }, { name: '@to', value: toIso }],
      })
      .fetchAll();
    return resources.map((p) => ({
      groupId: p.groupId,
      createdAt: p.createdAt,
      ...(p.verdict && p.decidedAt ? { decision: { verdict: p.verdict, at: p.decidedAt } } : {}),
    }));
  }
}
