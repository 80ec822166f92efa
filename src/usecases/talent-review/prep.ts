import { Language } from '../../domain/framework/framework';
import { effectivePhase, MaturityPhase } from '../../domain/talent-review/maturity';
import { TeamPulse } from '../../domain/talent-review/ports';
import { TalentReview } from '../../domain/talent-review/review';
import { Verdict } from '../../domain/proposal/proposal';
import { SharedVerantwoording, sharedWithManager } from '../verantwoording/shared-with-manager';
import { proposalsContributedTo } from '../verantwoording/group-traces';
import { TalentReviewDeps } from './deps';
import { loadOwnReview } from './plan-review';

/** Each cycle grants four one-hour sessions of learning time. */
export const HOURS_GRANTED_PER_CYCLE = 4;

/** Everything on a prep card: only what the report shared, plus the manager's own part. */
export interface PrepView {
  review: Pick<TalentReview, 'id' | 'reportName' | 'date' | 'facilitated'>;
  time: { hoursUsed: number; hoursGranted: number; sessionsAttended: number; cyclesShared: number };
  proposals: { groupName: string; text: string; status: 'open' | Verdict; firstStep?: string }[];
  reflections: { question: string; text: string }[];
  notes: string[];
  traject?: { learningNeeds: string; talents: string; plannedWeeks: number };
  phase: { phase?: MaturityPhase; chosenBy?: 'professional' | 'manager' };
  pulse: TeamPulse;
  aiSummary?: string;
}

/** Proposals of the weeks the report shared, that they helped make (read from each group's partition). */
async function sharedProposals(deps: TalentReviewDeps, shared: SharedVerantwoording): Promise<PrepView['proposals']> {
  const groups = [...new Set(shared.timeUsed.map((t) => t.groupId))];
  const traces = await Promise.all(groups.map((g) => deps.verantwoording.traces.traceOf(g, shared.userId)));
  const sharedCycles = new Set(shared.timeUsed.map((t) => t.cycleId));
  const found = traces.flatMap((trace) => proposalsContributedTo(trace, shared.userId)).filter((p) => sharedCycles.has(p.cycleId));
  return found
    .map((p) => ({
      groupName: p!.groupName,
      text: p!.decision?.text ?? (p!.ai.status === 'drafted' ? p!.ai.draft.proposal : ''),
      status: (p!.decision?.verdict ?? 'open') as 'open' | Verdict,
      ...(p!.decision?.firstStep ? { firstStep: p!.decision.firstStep } : {}),
    }))
    .filter((p) => p.text);
}

/**
 * Builds the prep card's content for the direct manager. The report's data comes only through
 * `sharedWithManager`, so a private entry cannot reach the card.
 */
export async function buildPrep(deps: TalentReviewDeps, managerId: string, reviewId: string, language: Language): Promise<PrepView> {
  const review = await loadOwnReview(deps, managerId, reviewId);
  const shared = await sharedWithManager(deps.verantwoording, review.reportId, language);
  const team = await deps.directory.teamOf(review.reportId);
  const tenant = (review.conversationRef.conversation as { tenantId?: string } | undefined)?.tenantId;
  const [proposals, pulse] = await Promise.all([
    sharedProposals(deps, shared),
    team && tenant ? deps.pulse.latest(tenant, team) : Promise.resolve<TeamPulse>({ status: 'none' }),
  ]);
  const view: PrepView = {
    review: { id: review.id, reportName: review.reportName, date: review.date, facilitated: review.facilitated },
    time: {
      hoursUsed: shared.timeUsed.reduce((sum, t) => sum + t.hours, 0),
      hoursGranted: shared.timeUsed.length * HOURS_GRANTED_PER_CYCLE,
      sessionsAttended: shared.timeUsed.reduce((sum, t) => sum + t.sessionsAttended, 0),
      cyclesShared: shared.timeUsed.length,
    },
    proposals,
    reflections: shared.personalAnswers.map((a) => ({ question: a.question, text: a.text })),
    notes: shared.notes.map((n) => n.text),
    ...(shared.profTraject ? { traject: { learningNeeds: shared.profTraject.learningNeeds, talents: shared.profTraject.talents, plannedWeeks: shared.profTraject.plannedWeeks } } : {}),
    phase: effectivePhase(shared.profTraject?.maturityPhase, review.managerPhasePick),
    pulse,
  };
  if (deps.summarizer.enabled) {
    const items = [...view.reflections.map((r) => r.text), ...view.notes, ...(view.traject ? [view.traject.learningNeeds, view.traject.talents] : [])].filter(Boolean);
    if (items.length) view.aiSummary = await deps.summarizer.summarize({ language, items });
  }
  return view;
}

/**
 * The scheduled prep card: sent once, and only while the planner is still the direct manager.
 * `send` posts the card; the review is marked afterwards, so a failed post is retried.
 */
export async function sendScheduledPrep(
  deps: TalentReviewDeps,
  managerId: string,
  reviewId: string,
  language: (managerId: string) => Promise<Language>,
  send: (review: TalentReview, view: PrepView, language: Language) => Promise<void>,
): Promise<'sent' | 'alreadySent' | 'notManager' | 'gone'> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review) return 'gone';
  if (review.prepSentAt) return 'alreadySent';
  if ((await deps.directory.managerOf(review.reportId)) !== managerId) return 'notManager';
  const lang = await language(managerId);
  await send(review, await buildPrep(deps, managerId, reviewId, lang), lang);
  const at = deps.clock.now().toISOString();
  await deps.reviews.update(managerId, reviewId, (r) => (r.prepSentAt ? r : { ...r, prepSentAt: at }));
  return 'sent';
}
