import { Language } from '../../../domain/framework/framework';
import { ReviewChange, ReviewNotices } from '../../../domain/talent-review/ports';
import { TalentReview } from '../../../domain/talent-review/review';
import { Translator } from '../../../i18n/i18n';
import { reviewNoticeCard } from '../../cards/talent-review/review-notice.card';
import { TeamsMessenger } from '../../messenger';

export interface ReviewNoticeDeps {
  messenger: Pick<TeamsMessenger, 'toPerson'>;
  translator: Translator;
  /** The professional's chosen language, else their Teams client's as their own turns kept it, else the organisation's default. */
  languageOf(userId: string): Promise<Language>;
  /** A notice that could not be queued: the manager's change is stored, so this is only logged. */
  notQueued(err: unknown): void;
}

/** One notice per change of one plan (its id and the moment it was made), however often the manager's press arrives. */
function noticeKey(review: TalentReview, change: ReviewChange): string {
  return `talentReview.notice:${review.id}:${review.createdAt}:${change.kind}`;
}

/**
 * Notices in the professional's 1:1 chat with the bot, opened by the outbox with their directory
 * (Entra) id, which Teams accepts where the app is installed for them. The manager's chat only
 * tells the outbox the tenant and service.
 */
export function chatReviewNotices(deps: ReviewNoticeDeps): ReviewNotices {
  return {
    async tell(review, change, managerName) {
      try {
        const language = await deps.languageOf(review.reportId);
        const card = reviewNoticeCard({ date: review.date, change, ...(managerName ? { managerName } : {}) }, deps.translator.t(language), language);
        await deps.messenger.toPerson(review.conversationRef, { teamsId: review.reportId, userId: review.reportId }, card, noticeKey(review, change), [review.managerId]);
      } catch (err) {
        deps.notQueued(err);
      }
    },
  };
}
