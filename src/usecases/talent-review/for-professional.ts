import { MaturityPhase } from '../../domain/talent-review/maturity';
import { ManagerDirectory, managerIfNamed } from '../../domain/directory/manager-directory';
import { ReviewManagersIndex, ReviewsOfProfessional, TalentReviewRepository } from '../../domain/talent-review/ports';
import { conversationHeld, TalentReview } from '../../domain/talent-review/review';

/** A talentontwikkelgesprek as the professional it is about sees it in their verantwoording. */
export interface ConversationForProfessional {
  reviewId: string;
  /** yyyy-mm-dd, in the conversation's time zone. */
  date: string;
  held: boolean;
  /** The phase the manager proposes for the conversation; the professional's own choice is unchanged. */
  phaseProposal?: { phase: MaturityPhase; at: string };
  /** What the manager facilitated (time, room, means): only once the conversation was held. */
  facilitated?: { text: string; at?: string };
}

/**
 * The manager's side of each conversation about this professional, as far as it is theirs to
 * read: the phase proposal at once, the facilitation account after the conversation. Also what
 * belongs in their data export ("mijn gegevens").
 */
export async function conversationsForProfessional(reviews: ReviewsOfProfessional, userId: string, now: Date): Promise<ConversationForProfessional[]> {
  return (await reviews.listByReport(userId))
    .filter((r) => r.reportId === userId)
    .map((r) => ({ reviewId: r.id, date: r.date, ...managerPartShown(r, now) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** The manager's part a professional sees of one conversation: in their verantwoording and in their export alike. */
export function managerPartShown(r: TalentReview, now: Date): Pick<ConversationForProfessional, 'held' | 'phaseProposal' | 'facilitated'> {
  const held = conversationHeld(r, now);
  return {
    held,
    ...(r.phaseProposal ? { phaseProposal: r.phaseProposal } : {}),
    ...(held && r.facilitated ? { facilitated: { text: r.facilitated, ...(r.facilitatedAt ? { at: r.facilitatedAt } : {}) } } : {}),
  };
}

/**
 * The conversations about a professional, read in the partitions of the managers who planned one
 * (from the professional's own index) and of the directory's current manager: never a query across
 * every manager's partition, and a change of manager does not take the former one's account away.
 */
export function reviewsOfProfessional(
  directory: Pick<ManagerDirectory, 'managerOf'>,
  reviews: Pick<TalentReviewRepository, 'listAbout'>,
  index: Pick<ReviewManagersIndex, 'managersOf'>,
): ReviewsOfProfessional {
  return {
    async listByReport(reportId) {
      // Every manager who planned a conversation is in the index (written before the review): the
      // directory's current manager only adds one who has planned nothing. A lookup it did not
      // answer leaves them out, so the professional's own overview never waits for Graph.
      const [currentId, former] = await Promise.all([managerIfNamed(directory, reportId), index.managersOf(reportId)]);
      const managers = [...new Set([...former, ...(currentId ? [currentId] : [])])];
      return (await Promise.all(managers.map((m) => reviews.listAbout(m, reportId)))).flat();
    },
  };
}
