import { Language } from '../../domain/framework/framework';
import { PersonalAnswer } from '../../domain/personal/personal-answer';
import { Opinion } from '../../domain/proposal/proposal';
import { AccountabilityNote } from '../../domain/verantwoording/accountability-note';
import { Anonymiser, forgetInCycle, forgetInGroup, forgetInGroupTrace, forgetInProposal } from '../../domain/verantwoording/erasure';
import { ofType } from '../../domain/verantwoording/personal-record';
import { UserPreferences } from '../../domain/verantwoording/preferences';
import { ProfTraject } from '../../domain/verantwoording/prof-traject';
import { TimeUsed } from '../../domain/verantwoording/time-used';
import { VerantwoordingDeps } from './deps';
import { attendedSessions, PersonInGroup, tracesOf } from './group-traces';
import { buildOverview, CycleEntry, ProposalSummary } from './overview';
import { erasureMarker } from './erasure-ticket';
import { eraseReviews, exportReviews, ReviewsExport, reviewTraces, ReviewTraces } from './my-data-reviews';
import { OutboxPerson } from '../../domain/outbox/outbox.port';
import { LearningNeedPassOn } from '../../domain/learning-needs/learning-need';

/** Everything the app keeps about one professional, as one JSON document ("mijn gegevens"). */
export interface MyDataExport {
  format: 'lerend-werken.mijn-gegevens';
  version: 1;
  exportedAt: string;
  userId: string;
  preferences?: UserPreferences;
  profTraject?: ProfTraject;
  notes: AccountabilityNote[];
  personalAnswers: PersonalAnswer[];
  timeUsed: TimeUsed[];
  cycles: Omit<CycleEntry, 'proposals' | 'answers'>[];
  groups: { id: string; name: string; member: boolean }[];
  sessionsAttended: { groupId: string; cycleId: string; sessionId: string; startedAt: string }[];
  energyCheckIns: { groupId: string; cycleId: string; sessionId: string; phase: 'in' | 'out'; score: number; at: string }[];
  contributions: { groupId: string; cycleId: string; sessionId: string; questionId: number; text: string; at: string }[];
  judgements: { groupId: string; proposalId: string; opinion: Opinion; reason: string; at: string }[];
  proposals: ProposalSummary[];
  /** Planned talentontwikkelgesprekken, as the manager and as the professional (my-data-reviews.ts). */
  talentReviews: ReviewsExport;
  /**
   * Learning needs passed on to L&O: what waits for the handover (theme, text), and that the
   * others were handed over. What was handed over is anonymous and no longer anyone's to export.
   */
  learningNeeds: Pick<LearningNeedPassOn, 'answerId' | 'status' | 'theme' | 'text'>[];
}

/** The export: the person's own records plus everything of theirs inside their groups' records. */
export async function exportMyData(deps: VerantwoordingDeps, userId: string, language: Language): Promise<MyDataExport> {
  const [records, groups, overview, talentReviews] = await Promise.all([
    deps.records.listAll(userId),
    tracesOf(deps, userId, 1000),
    buildOverview(deps, userId, language),
    exportReviews(deps, userId),
  ]);
  const own = records.filter((r) => r.userId === userId);
  const prefs = ofType(own, 'preferences')[0];
  const traject = ofType(own, 'profTraject')[0];
  const byTime = <T extends { at: string }>(list: T[]) => list.sort((a, b) => a.at.localeCompare(b.at));
  return {
    format: 'lerend-werken.mijn-gegevens',
    version: 1,
    exportedAt: deps.clock.now().toISOString(),
    userId,
    ...(prefs ? { preferences: prefs } : {}),
    ...(traject ? { profTraject: traject } : {}),
    notes: ofType(own, 'note'),
    personalAnswers: ofType(own, 'personalAnswer'),
    timeUsed: ofType(own, 'timeUsed'),
    cycles: overview.cycles.map(({ proposals: _p, answers: _a, ...c }) => c),
    groups: groups.map((g) => ({ id: g.groupId, name: g.groupName, member: g.member })),
    sessionsAttended: groups.flatMap((g) => attendedSessions(g.trace, userId).map((s) => ({ groupId: g.groupId, ...s }))).sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    energyCheckIns: byTime(groups.flatMap((g) => g.trace.checkIns.filter((c) => c.memberId === userId).map((c) => ({ groupId: g.groupId, cycleId: c.cycleId, sessionId: c.sessionId, phase: c.phase, score: c.score, at: c.at })))),
    contributions: byTime(groups.flatMap((g) => g.trace.contributions.filter((c) => c.authorId === userId).map((c) => ({ groupId: g.groupId, cycleId: c.cycleId, sessionId: c.sessionId, questionId: c.questionId, text: c.text, at: c.at })))),
    judgements: byTime(groups.flatMap((g) => g.trace.judgements.filter((j) => j.memberId === userId).map((j) => ({ groupId: g.groupId, proposalId: j.proposalId, opinion: j.opinion, reason: j.reason, at: j.at })))),
    proposals: overview.cycles.flatMap((c) => c.proposals),
    talentReviews,
    learningNeeds: (own as unknown as { type: string }[])
      .filter((r): r is LearningNeedPassOn => r.type === 'learningNeedPassOn')
      .map((p) => ({ answerId: p.answerId, status: p.status, ...(p.theme ? { theme: p.theme } : {}), ...(p.text ? { text: p.text } : {}) })),
  };
}

export interface ErasureReport {
  groups: number;
  contributions: number;
  removed: number;
  records: number;
  reviews: number;
  messages: number;
}

/** What the caller knows of the person beyond the groups' member lists (the chat turn: their Teams id and tenant). */
export interface KnownAccount {
  platformId?: string;
  tenantId?: string;
}

const tenantOf = (ref: Record<string, unknown> | undefined) => (ref?.conversation as { tenantId?: unknown } | undefined)?.tenantId;
const conversationOf = (ref: Record<string, unknown>) => (ref.conversation as { id?: unknown } | undefined)?.id;
const strings = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];

/** Everything the outbox may hold of the person: private messages, their remembered 1:1 chat, prep cards about them. */
function outboxPerson(userId: string, groups: PersonInGroup[], reviews: ReviewTraces, known: KnownAccount): OutboxPerson {
  const refs = [...groups.map((g) => g.trace.group?.conversationRef), ...reviews.asManager.map((r) => r.conversationRef), ...reviews.asReport.map((r) => r.conversationRef)];
  return {
    userId,
    platformIds: strings([known.platformId, ...groups.map((g) => g.trace.group?.members.find((m) => m.id === userId)?.teamsId)]),
    tenantIds: strings([known.tenantId, ...refs.map(tenantOf)]),
    conversationIds: strings(reviews.asManager.map((r) => conversationOf(r.conversationRef))),
    mentions: reviews.asReport.flatMap((r) => {
      const conversationId = conversationOf(r.conversationRef);
      return typeof conversationId === 'string' && r.reportName ? [{ conversationId, text: r.reportName }] : [];
    }),
  };
}

/**
 * Erases a professional (see domain/verantwoording/erasure.ts for what stays with the group,
 * anonymously). The outbox is purged first, while the groups' member lists still give the
 * person's Teams id; then their talentontwikkelgesprekken and group records are anonymised, and
 * the person's own partition (with their membership index and the erasure's marker) is deleted
 * last, so an interrupted erasure can simply run again and writes the same documents.
 */
export async function eraseMyData(deps: VerantwoordingDeps, userId: string, known: KnownAccount = {}): Promise<ErasureReport> {
  const marker = await erasureMarker(deps, userId);
  const groups = await tracesOf(deps, userId, 10_000);
  const reviewsOf = await reviewTraces(deps, userId);
  const { messages } = await deps.dataRights.outbox.forgetPerson(outboxPerson(userId, groups, reviewsOf, known));
  const reviews = await eraseReviews(deps, reviewsOf, { userId, marker, language: deps.defaultLanguage });
  let contributions = 0;
  let removed = 0;
  for (const g of groups) {
    const who: Anonymiser = { userId, marker, language: g.trace.group?.language ?? deps.defaultLanguage };
    const changes = forgetInGroupTrace(g.groupId, g.trace, who);
    await deps.traces.applyErasure(g.groupId, changes);
    for (const id of changes.proposalIds) await deps.proposals.update(g.groupId, id, (p) => forgetInProposal(p, who));
    for (const id of changes.cycleIds) await deps.cycles.update(g.groupId, id, (c) => forgetInCycle(c, who));
    if (changes.group) await deps.groups.update(g.groupId, (current) => forgetInGroup(current, who));
    contributions += changes.rewrite.length;
    removed += changes.remove.length;
  }
  const records = (await deps.records.listAll(userId)).filter((r) => r.userId === userId);
  // The erasure's own marker goes last of all: until then a re-run reuses it.
  const ordered = [...records.filter((r) => r.type !== 'erasureTicket'), ...records.filter((r) => r.type === 'erasureTicket')];
  for (const r of ordered) await deps.records.delete(userId, r.id);
  return { groups: groups.length, contributions, removed, records: records.length, reviews, messages };
}
