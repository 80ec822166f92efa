import { directReportsOf } from '../../domain/directory/manager-directory';
import { conversationHeld, TalentReview } from '../../domain/talent-review/review';
import { ERASED_ID } from '../../domain/week-cycle/session-items';
import { TalentReviewDeps } from './deps';

/** A direct report with no conversation ahead, and the date of the last one held with this manager (yyyy-mm-dd), if any. */
export interface ReportWithoutPlan {
  reportId: string;
  name: string;
  lastHeld?: string;
}

/** What the manager's list shows: the conversations ahead, and the direct reports with none (absent when the directory did not answer). */
export interface ManagerOverview {
  upcoming: TalentReview[];
  withoutPlan?: ReportWithoutPlan[];
}

/**
 * The half-yearly rhythm as the manager's own planning: who of their direct reports has no
 * conversation ahead, and when the last one was. It names no one as late and counts nothing about
 * the person; the manager decides when to plan. The directory is asked for the reports; when it
 * does not answer, the list shows the conversations ahead only.
 */
export async function managerOverview(deps: TalentReviewDeps, managerId: string): Promise<ManagerOverview> {
  const now = deps.clock.now();
  const [mine, reports] = await Promise.all([deps.reviews.listByManager(managerId), directReportsOf(deps.directory, managerId).catch(() => undefined)]);
  const reviews = mine.filter((r) => r.reportId !== ERASED_ID);
  const upcoming = reviews.filter((r) => !conversationHeld(r, now));
  if (!reports) return { upcoming };
  const withoutPlan = reports
    .filter((p) => !upcoming.some((r) => r.reportId === p.id))
    .map((p) => {
      const held = reviews.filter((r) => r.reportId === p.id && conversationHeld(r, now)).map((r) => r.date).sort();
      return { reportId: p.id, name: p.name, ...(held.length ? { lastHeld: held.at(-1)! } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { upcoming, withoutPlan };
}
