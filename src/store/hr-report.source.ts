import { adaptedAiDraft, adoptedAiDraft, FirstStepStatus } from '../domain/proposal/proposal';
import { AdoptedProposalRow } from '../domain/hr-report/adoption';
import { CycleWeek } from '../domain/hr-report/report';
import { ReportSource } from '../domain/hr-report/ports';
import { EnergyRound } from '../domain/week-cycle/energy';
import { ERASED_ID } from '../domain/week-cycle/session-items';
import { CosmosConnection } from './cosmos-connection';
import { GROUP_PARTITION_CONTAINER } from './group-partition';

interface SessionRow { id: string; groupId: string; cycleId: string; startedAt: string; closedAt?: string; endsAt?: string; status: 'open' | 'closed'; energy?: { in?: EnergyRound; out?: EnergyRound } }
interface CycleRow { id: string; sessionDates?: string[] }
interface ItemRow { sessionId: string; type: string; memberId?: string }
interface ProposalRow { groupId: string; cycleId: string; createdAt: string; aiStatus?: string; verdict?: 'accept' | 'adapt' | 'reject'; decidedAt?: string }

const DAY_MS = 24 * 3600_000;

type Parameter = { name: string; value: string | string[] | number };

/**
 * The groups of one tenant. A group's tenant is the one it was set up in: `tenantId`, or else the
 * tenant its conversation reference names (the same value, from the same activity). A group set up
 * where Teams named no tenant belongs to the report asked where none is named either (`''`), never
 * to a real tenant's.
 */
const TENANT_GROUPS =
  "SELECT VALUE c.groupId FROM c WHERE c.type = 'group' AND (" +
  'c.tenantId = @tenantId' +
  ' OR (NOT IS_DEFINED(c.tenantId) AND c.conversationRef.conversation.tenantId = @tenantId)' +
  " OR (@tenantId = '' AND NOT IS_DEFINED(c.tenantId) AND NOT IS_DEFINED(c.conversationRef.conversation.tenantId)))";

/**
 * The HR report's reads: across the groups of the HR's own tenant (the report spans their
 * organisation, and only theirs: one deployment may serve several) and projected to the fields it
 * counts. Energy leaves the store only as the sessions' published averages; presence (confirmed by
 * checking in or "ik ben erbij") only as who-per-session, to count learning hours.
 */
export class CosmosReportSource {
  /**
   * `proposalQuestionId`: the framework's proposal question (kind `aiProposal`, the same id in
   * every language), where a group writes its own proposal; undefined when the framework has none.
   */
  constructor(
    private readonly conn: CosmosConnection,
    private readonly proposalQuestionId: number | undefined,
  ) {}

  forTenant(tenantId: string): ReportSource {
    return new TenantReportReads(this.conn, tenantId, this.proposalQuestionId);
  }
}

/** One report's reads: the tenant's groups are looked up once and every other query is held to them. */
class TenantReportReads implements ReportSource {
  private groups?: Promise<string[]>;

  constructor(
    private readonly conn: CosmosConnection,
    private readonly tenantId: string,
    private readonly proposalQuestionId: number | undefined,
  ) {}

  private query<T>(query: string, parameters: Parameter[]): Promise<T[]> {
    return this.conn
      .container(GROUP_PARTITION_CONTAINER)
      .items.query<T>({ query, parameters })
      .fetchAll()
      .then((r) => r.resources);
  }

  private tenantGroups(): Promise<string[]> {
    this.groups ??= this.query<string>(TENANT_GROUPS, [{ name: '@tenantId', value: this.tenantId }]);
    return this.groups;
  }

  /** A query over the tenant's groups only; nothing is asked when the tenant has none. */
  private async ofTenant<T>(query: string, parameters: Parameter[]): Promise<T[]> {
    const groups = await this.tenantGroups();
    if (!groups.length) return [];
    return this.query<T>(`${query} AND ARRAY_CONTAINS(@groups, c.groupId)`, [...parameters, { name: '@groups', value: groups }]);
  }

  async sessions(fromIso: string, toIso: string) {
    const period = [{ name: '@from', value: fromIso }, { name: '@to', value: toIso }];
    const sessions = await this.ofTenant<SessionRow>("SELECT c.id, c.groupId, c.cycleId, c.startedAt, c.closedAt, c.endsAt, c.status, c.energy FROM c WHERE c.type = 'session' AND c.startedAt >= @from AND c.startedAt <= @to", period);
    const cycles = await this.cycleWeeks([...new Set(sessions.map((s) => s.cycleId))]);
    // Items are made during their session: a day's margin around the period catches every one.
    const margin = [{ name: '@from', value: new Date(Date.parse(fromIso) - DAY_MS).toISOString() }, { name: '@to', value: new Date(Date.parse(toIso) + DAY_MS).toISOString() }];
    const items = await this.ofTenant<ItemRow>(
      "SELECT c.sessionId, c.type, c.memberId FROM c WHERE c.type IN ('presence', 'checkIn') AND c.at >= @from AND c.at <= @to",
      margin,
    );
    const attendees = new Map<string, Set<string>>();
    for (const i of items) {
      const who = i.memberId;
      if (!who || who === ERASED_ID) continue;
      attendees.set(i.sessionId, (attendees.get(i.sessionId) ?? new Set()).add(who));
    }
    return sessions.map((s) => ({
      groupId: s.groupId,
      startedAt: s.startedAt,
      status: s.status,
      attendees: attendees.get(s.id)?.size ?? 0,
      energyIn: s.energy?.in ?? {},
      energyOut: s.energy?.out ?? {},
      ...(cycles.has(s.cycleId) ? { cycle: cycles.get(s.cycleId)! } : {}),
      ...(s.closedAt ? { closedAt: s.closedAt } : {}),
      ...(s.endsAt ? { endsAt: s.endsAt } : {}),
    }));
  }

  /** The planned weeks of these cycles (see `CycleWeek`): each session counts in its cycle's week. */
  private async cycleWeeks(cycleIds: string[]): Promise<Map<string, CycleWeek>> {
    if (!cycleIds.length) return new Map();
    const rows = await this.ofTenant<CycleRow>(
      "SELECT c.id, c.sessionDates FROM c WHERE c.type = 'cycle' AND ARRAY_CONTAINS(@cycleIds, c.id)",
      [{ name: '@cycleIds', value: cycleIds }],
    );
    const weeks = new Map<string, CycleWeek>();
    for (const r of rows) {
      const dates = [...(r.sessionDates ?? [])].sort();
      if (dates.length) weeks.set(r.id, { id: r.id, firstDate: dates[0]!, lastDate: dates[dates.length - 1]! });
    }
    return weeks;
  }

  /**
   * The proposals of the period, with whether the group made anything of them (see `wasMade`):
   * the rhythm opens a proposal record with every session that works on it, attended or not.
   */
  async proposals(fromIso: string, toIso: string) {
    const rows = await this.ofTenant<ProposalRow>(
      "SELECT c.groupId, c.cycleId, c.createdAt, c.ai.status AS aiStatus, c.decision.verdict AS verdict, c.decision.at AS decidedAt FROM c WHERE c.type = 'proposal' AND ((c.createdAt >= @from AND c.createdAt <= @to) OR (c.decision.at >= @from AND c.decision.at <= @to))",
      [{ name: '@from', value: fromIso }, { name: '@to', value: toIso }],
    );
    const written = await this.cyclesWithOwnProposal(rows.filter((p) => !p.verdict).map((p) => p.cycleId));
    return rows.map((p) => ({
      groupId: p.groupId,
      createdAt: p.createdAt,
      drafted: p.aiStatus === 'drafted',
      ownText: written.has(p.cycleId),
      ...(p.verdict && p.decidedAt ? { decision: { verdict: p.verdict, at: p.decidedAt } } : {}),
    }));
  }

  /** Of these cycles, those in which the group wrote at the proposal question: ids only, no text. */
  private async cyclesWithOwnProposal(cycleIds: string[]): Promise<Set<string>> {
    if (this.proposalQuestionId === undefined || cycleIds.length === 0) return new Set();
    const found = await this.ofTenant<string>("SELECT VALUE c.cycleId FROM c WHERE c.type = 'contribution' AND c.questionId = @question AND ARRAY_CONTAINS(@cycles, c.cycleId)", [
      { name: '@question', value: this.proposalQuestionId },
      { name: '@cycles', value: cycleIds },
    ]);
    return new Set(found);
  }

  /**
   * What groups adopted and whether its first step was taken. Not the first step's text nor the
   * group's line about it: they name who does what ("wie doet wat, wanneer?") and whether they
   * came to it, which is the group's, not HR's (the proposal's text is the organisation's record).
   */
  async adoptedProposals(fromIso: string, toIso: string): Promise<AdoptedProposalRow[]> {
    // With the share with L&O as the proposal keeps it (`lo`, copied by the outbox): its date and L&O's latest answer, in the same query.
    const rows = await this.ofTenant<Omit<AdoptedProposalRow, 'outcome' | 'aiAdopted' | 'aiAdapted' | 'lo'> & { aiStatus?: string; basedOnAiDraft?: true; outcomeStatus?: FirstStepStatus; loSharedAt?: string; loAnswerText?: string; loAnswerAt?: string }>(
      "SELECT c.groupId, c.groupName, c.decision.verdict AS verdict, c.decision.text AS text, c.decision.at AS decidedAt, c.ai.status AS aiStatus, c.decision.basedOnAiDraft AS basedOnAiDraft, c.firstStepOutcome.status AS outcomeStatus, c.lo.sharedAt AS loSharedAt, c.lo.answer.text AS loAnswerText, c.lo.answer.at AS loAnswerAt FROM c WHERE c.type = 'proposal' AND c.decision.at >= @from AND c.decision.at <= @to AND (c.decision.verdict = 'accept' OR c.decision.verdict = 'adapt')",
      [{ name: '@from', value: fromIso }, { name: '@to', value: toIso }],
    );
    return rows.map((r) => ({
      groupId: r.groupId,
      groupName: r.groupName,
      verdict: r.verdict,
      text: r.text,
      // The AI's draft adopted as it is: the report says so, as the session summary does.
      ...(adoptedAiDraft({ ai: { status: r.aiStatus ?? '' }, decision: { verdict: r.verdict } }) ? { aiAdopted: true as const } : {}),
      // The group's words made from an AI draft: the report says so too.
      ...(adaptedAiDraft({ decision: { verdict: r.verdict, ...(r.basedOnAiDraft === true ? { basedOnAiDraft: true as const } : {}) } }) ? { aiAdapted: true as const } : {}),
      decidedAt: r.decidedAt,
      ...(r.outcomeStatus ? { outcome: { status: r.outcomeStatus } } : {}),
      ...(r.loSharedAt ? { lo: { sharedAt: r.loSharedAt, ...(r.loAnswerText && r.loAnswerAt ? { answer: { text: r.loAnswerText, at: r.loAnswerAt } } : {}) } } : {}),
    }));
  }
}
