/**
 * The manager's `prep` list says when each report's last conversation was. In a yearly rhythm that
 * is about a year ago, and the date was written without its year ('ccc d LLLL'): on Monday
 * 23 November 2026 a conversation of Monday 1 December 2025 read "ma 1 december", like next week,
 * and with the weekday of the wrong year. A date in another year than today's (in the
 * organisation's time zone) now says its year; one in this year reads as before.
 * 1. The card (nl and en): 1 December 2025 seen on 23 November 2026 names 2025; 3 November 2026
 *    does not.
 * 2. Through the app: Mia plans Anna on Tuesday 24 November 2026 and Bram on Tuesday 12 January
 *    2027. On 5 January 2027 her list says Anna's last conversation was "di 24 november 2026",
 *    Bram's conversation ahead "di 12 januari" (this year now, no year).
 */
import { createTranslator } from '../../src/i18n/i18n';
import { reviewsListCard } from '../../src/teams/cards/talent-review/reviews-list.card';
import { execute, message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';

describe.each([
  ['nl', 'Anna · laatste gesprek: ma 1 december 2025', 'Bram · laatste gesprek: di 3 november'],
  ['en', 'Anna · last conversation: Mon 1 December 2025', 'Bram · last conversation: Tue 3 November'],
] as const)('the prep list (%s)', (lang, yearAgo, thisYear) => {
  it('names the year of a last conversation in another year, and not of one in this year', () => {
    const withoutPlan = [
      { reportId: 'aad-anna', name: 'Anna', lastHeld: '2025-12-01' },
      { reportId: 'aad-bram', name: 'Bram', lastHeld: '2026-11-03' },
    ];
    const lines = cardText(reviewsListCard([], createTranslator().t(lang), lang, undefined, { withoutPlan, today: '2026-11-23' })).split('\n');
    expect({ yearAgo: lines.includes(yearAgo), thisYear: lines.includes(thisYear) }).toEqual({ yearAgo: true, thisYear: true });
  });
});

describe("through the app: the list is read with today's year", () => {
  it('on 5 January 2027 the conversation of 24 November 2026 says 2026, the one of 12 January does not say 2027', async () => {
    const mia = user('Mia');
    const app = await startTestApp({ DIRECTORY_FILE: directoryFile([...['Anna', 'Bram'].map((name) => ({ id: `aad-${name.toLowerCase()}`, name, managerId: mia.aadObjectId })), { id: mia.aadObjectId, name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
    try {
      const chat = app.conversation('personal', 'a:personal-mia');
      for (const [reportId, date] of [['aad-anna', '2026-11-24'], ['aad-bram', '2027-01-12']]) {
        await app.send(execute(chat, mia, 'review.plan.save', { reportId, date, timeZone: 'Europe/Amsterdam', prepDays: '0' }, 'card-1'));
      }
      app.clock.set('2027-01-05T08:00:00Z');
      const before = app.connector.calls.length;
      await app.send(message(chat, mia, 'gesprekken'));
      const lines = cardText(app.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content).split('\n');
      expect(lines.filter((l) => /^(Anna|Bram) · /.test(l))).toEqual(['Bram · di 12 januari', 'Anna · laatste gesprek: di 24 november 2026']);
    } finally {
      await app.stop();
    }
  }, 120_000);
});
