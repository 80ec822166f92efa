import { randomUUID } from 'node:crypto';
import { Language } from '../../domain/framework/framework';
import { PersonalAnswer } from '../../domain/personal/personal-answer';
import { Verdict } from '../../domain/proposal/proposal';
import { AccountabilityNote } from '../../domain/verantwoording/accountability-note';
import { Anonymiser, forgetInCycle, forgetInGroup, forgetInProposal, forgetInSession } from '../../domain/verantwoording/erasure';
import { ofType } from '../../domain/verantwoording/personal-record';
import { UserPreferences } from '../../domain/verantwoording/preferences';
import { ProfTraject } from '../../domain/verantwoording/prof-traject';
import { TimeUsed } from '../../domain/verantwoording/time-used';
import { Session } from '../../domain/week-cycle/session';
import { VerantwoordingDeps } from './deps';
import { buildOverview, CycleEntry, ProposalSummary } from './overview';

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
  energyCheckIns: { groupId: string; cycleId: string; sessionId: string; phase: 'in' | 'out'; score: number; sessionStartedAt: string }[];
  contributions: { groupId: string; cycleId: string; sessionId: string; questionId: number; text: string; at: string }[];
  judgements: { groupId: string; proposalId: string; verdict: Verdict; reason: string; at: string }[];
  proposals: ProposalSummary[];
}

async function inChunks<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/** The export: the person's own records plus everything of theirs inside group records. */
export async function exportMyData(deps: VerantwoordingDeps, userId: string, language: Language): Promise<MyDataExport> {
  const [records, attendance, proposals, groups, overview] = await Promise.all([
    deps.records.listAll(userId),
    deps.sessions.listAttendance(userId, 10_000),
    deps.proposals.listByContributor(userId),
    deps.groups.listByMember(userId, 1000),
    buildOverview(deps, userId, language),
  ]);
  const own = records.filter((r) => r.userId === userId);
  const sessions = (await inChunks(attendance, 20, (a) => deps.sessions.get(a.groupId, a.id)))
    .filter((s): s is Session => s !== undefined)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const energyCheckIns: MyDataExport['energyCheckIns'] = [];
  const contributions: MyDataExport['contributions'] = [];
  for (const s of sessions) {
    for (const phase of ['in', 'out'] as const) {
      const score = s.energy[phase][userId];
      if (score !== undefined) energyCheckIns.push({ groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id, phase, score, sessionStartedAt: s.startedAt });
    }
    for (const [q, list] of Object.entries(s.answers)) {
      for (const c of list) if (c.authorId === userId) contributions.push({ groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id, questionId: Number(q), text: c.text, at: c.at });
    }
  }
  const judgements = proposals.flatMap((p) => {
    const j = p.judgements[userId];
    return j ? [{ groupId: p.groupId, proposalId: p.id, verdict: j.verdict, reason: j.reason, at: j.at }] : [];
  });
  const prefs = ofType(own, 'preferences')[0];
  const traject = ofType(own, 'profTraject')[0];
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
    groups: groups.map((g) => ({ id: g.id, name: g.name, member: g.members.some((m) => m.id === userId) })),
    sessionsAttended: attendance.map((a) => ({ groupId: a.groupId, cycleId: a.cycleId, sessionId: a.id, startedAt: a.startedAt })),
    energyCheckIns,
    contributions,
    judgements,
    proposals: overview.cycles.flatMap((c) => c.proposals),
  };
}

export interface ErasureReport {
  sessions: number;
  proposals: number;
  cycles: number;
  groups: number;
  records: number;
}

/**
 * Erases a professional (see domain/verantwoording/erasure.ts for what stays with the group,
 * anonymously). Group records are anonymised first and the person's own partition is deleted
 * last, so an interrupted erasure can simply be run again.
 */
export async function eraseMyData(deps: VerantwoordingDeps, userId: string): Promise<ErasureReport> {
  const marker = `erased-${randomUUID().slice(0, 8)}`;
  const languages = new Map<string, Language>();
  const languageOf = async (groupId: string): Promise<Language> => {
    if (!languages.has(groupId)) languages.set(groupId, (await deps.groups.get(groupId))?.language ?? deps.defaultLanguage);
    return languages.get(groupId)!;
  };
  const anon = async (groupId: string): Promise<Anonymiser> => ({ userId, marker, language: await languageOf(groupId) });

  const attendance = await deps.sessions.listAttendance(userId, 10_000);
  await inChunks(attendance, 10, async (a) => {
    const who = await anon(a.groupId);
    await deps.sessions.update(a.groupId, a.id, (s) => forgetInSession(s, who));
  });
  const proposals = await deps.proposals.listByContributor(userId);
  await inChunks(proposals, 10, async (p) => {
    const who = await anon(p.groupId);
    const key = `erased-${randomUUID().slice(0, 8)}`;
    await deps.proposals.update(p.groupId, p.id, (current) => forgetInProposal(current, who, key));
  });
  const cycles = await deps.cycles.listStartedBy(userId);
  await inChunks(cycles, 10, async (c) => {
    const who = await anon(c.groupId);
    await deps.cycles.update(c.groupId, c.id, (current) => forgetInCycle(current, who));
  });
  const groups = await deps.groups.listByMember(userId, 1000);
  await inChunks(groups, 10, async (g) => {
    const who = await anon(g.id);
    await deps.groups.update(g.id, (current) => forgetInGroup(current, who));
  });
  const records = (await deps.records.listAll(userId)).filter((r) => r.userId === userId);
  await inChunks(records, 10, (r) => deps.records.delete(userId, r.id));
  return { sessions: attendance.length, proposals: proposals.length, cycles: cycles.length, groups: groups.length, records: records.length };
}
