/**
 * Stop 48 (from the reviewer's probe of b77c135): a request is let through while no conversation
 * is ahead in the manager's time zone (plannedAhead reads review.timeZone), but openRequest read it
 * as answered by a conversation dated on or after the request's day in the organisation's zone.
 * Where the two zones differ (a manager in Tokyo), a request the app let through was at once read
 * as answered: never shown as open. Now a conversation answers a request only if it was planned
 * (stored: its createdAt) after the request was sent; a record without that time is read by its
 * date in its own time zone.
 */
import { TalentReview } from '../../src/domain/talent-review/review';
import { answersRequest, openRequest, plannedAhead, ReviewRequestRecord } from '../../src/domain/talent-review/review-request';

const now = new Date('2026-11-23T16:00:00Z'); // 17:00 Mon 23 Nov in Amsterdam, 01:00 Tue 24 Nov in Tokyo
const review = (over: Partial<TalentReview> = {}) =>
  ({ id: 'r1', type: 'talentReview', managerId: 'aad-mia', reportId: 'aad-anna', reportName: 'Anna', date: '2026-11-23', timeZone: 'Asia/Tokyo', prepDaysBefore: 3, conversationRef: {}, createdAt: '2026-11-20T09:00:00.000Z', ...over }) as TalentReview;
const record: ReviewRequestRecord = { id: 'rqr_1', type: 'reviewRequest', userId: 'aad-anna', managerId: 'aad-mia', sentAt: now.toISOString(), message: 'Nog een gesprek?' };

describe('a request is answered only by a conversation planned after it', () => {
  it('a conversation held yesterday in the manager\'s zone (Tokyo) does not answer a request sent today in Amsterdam', () => {
    // The send is let through: the conversation is held in Mia's zone.
    expect(plannedAhead([review()], 'aad-anna', now)).toBeUndefined();
    expect(openRequest([record], 'aad-mia', 'aad-anna', [review()])).toEqual(record);
  });

  it('a conversation planned after the request answers it, whatever its zone or date', () => {
    const later = review({ id: 'r2', date: '2026-12-14', createdAt: '2026-11-23T16:05:00.000Z' });
    expect(openRequest([record], 'aad-mia', 'aad-anna', [review(), later])).toBeUndefined();
    expect(openRequest([record], 'aad-mia', 'aad-anna', [review({ id: 'r3', timeZone: 'Pacific/Kiritimati', date: '2026-11-25', createdAt: '2026-11-23T17:00:00.000Z' })])).toBeUndefined();
  });

  it('another manager\'s conversation, or one about someone else, answers nothing', () => {
    const other = [review({ id: 'r4', managerId: 'aad-olga', createdAt: '2026-11-24T08:00:00.000Z', date: '2026-12-01' }), review({ id: 'r5', reportId: 'aad-bram', createdAt: '2026-11-24T08:00:00.000Z', date: '2026-12-01' })];
    expect(openRequest([record], 'aad-mia', 'aad-anna', other)).toEqual(record);
  });

  it('without its planning time, a conversation is read by its date in its own time zone', () => {
    const noPlanTime = (date: string, timeZone: string) => ({ date, timeZone, createdAt: undefined as unknown as string });
    // Sent 01:00 Tue 24 Nov in Tokyo: a Tokyo conversation on Mon 23 Nov is before it, one on Tue 24 Nov is not.
    expect(answersRequest(noPlanTime('2026-11-23', 'Asia/Tokyo'), record.sentAt)).toBe(false);
    expect(answersRequest(noPlanTime('2026-11-24', 'Asia/Tokyo'), record.sentAt)).toBe(true);
    // In Amsterdam it is still Mon 23 Nov: that day answers.
    expect(answersRequest(noPlanTime('2026-11-23', 'Europe/Amsterdam'), record.sentAt)).toBe(true);
  });
});
