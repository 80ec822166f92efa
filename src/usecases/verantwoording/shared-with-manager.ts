import { findQuestion, Language } from '../../domain/framework/framework';
import { ofType } from '../../domain/verantwoording/personal-record';
import { MaturityPhase } from '../../domain/talent-review/maturity';
import { hoursUsed } from '../../domain/verantwoording/time-used';
import { VerantwoordingDeps } from './deps';
import { sessionsAttended } from './time-used';

export interface SharedVerantwoording {
  userId: string;
  notes: { id: string; text: string; link?: string; createdAt: string; updatedAt: string }[];
  personalAnswers: { id: string; groupId: string; cycleId: string; questionId: number; question: string; text: string; updatedAt: string }[];
  profTraject?: { learningNeeds: string; talents: string; plannedWeeks: number; maturityPhase?: MaturityPhase; updatedAt: string };
  /** Per shared week: the hours (their own figure where they corrected it, which wins), and whether they did. */
  timeUsed: { groupId: string; cycleId: string; hours: number; corrected: boolean; sessionsAttended: number }[];
}

/**
 * What a professional shared with their manager, and nothing else: the query the
 * talentontwikkelgesprek prep cards use. Whether the caller IS that person's manager is checked
 * by the caller of this use case (the prep-card feature); this use case guarantees that a private
 * entry can never be part of the answer.
 */
export async function sharedWithManager(deps: VerantwoordingDeps, reportUserId: string, language: Language = deps.defaultLanguage): Promise<SharedVerantwoording> {
  const shared = (await deps.records.listShared(reportUserId)).filter((r) => r.userId === reportUserId && 'visibility' in r && r.visibility === 'shared');
  const framework = deps.frameworks[language];
  const traject = ofType(shared, 'profTraject')[0];
  const timeUsed = await Promise.all(
    ofType(shared, 'timeUsed').map(async (t) => {
      const attended = await sessionsAttended(deps, reportUserId, t.groupId, t.cycleId);
      return { groupId: t.groupId, cycleId: t.cycleId, hours: hoursUsed(attended, t), corrected: t.hours !== undefined, sessionsAttended: attended };
    }),
  );
  return {
    userId: reportUserId,
    notes: ofType(shared, 'note')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((n) => ({ id: n.id, text: n.text, ...(n.source?.link ? { link: n.source.link } : {}), createdAt: n.createdAt, updatedAt: n.updatedAt })),
    personalAnswers: ofType(shared, 'personalAnswer').map((a) => ({
      id: a.id,
      groupId: a.groupId,
      cycleId: a.cycleId,
      questionId: a.questionId,
      question: findQuestion(framework, a.questionId)?.text ?? '',
      text: a.text,
      updatedAt: a.updatedAt,
    })),
    ...(traject
      ? { profTraject: { learningNeeds: traject.learningNeeds, talents: traject.talents, plannedWeeks: traject.plannedWeeks, ...(traject.maturityPhase ? { maturityPhase: traject.maturityPhase } : {}), updatedAt: traject.updatedAt } }
      : {}),
    timeUsed,
  };
}
