import { DateTime } from 'luxon';
import { nextHandoverAt } from '../../src/domain/learning-needs/learning-need';
import { createTranslator } from '../../src/i18n/i18n';
import { learningNeedCard } from '../../src/teams/cards/learning-needs/learning-need.card';
import { cardText } from '../support/group-driver';

/**
 * Found in review, stop 45. The weekly handover runs on Monday at 02:00 (the organisation's zone):
 * in the night from Sunday to Monday. The member's card said a need can be withdrawn "until the
 * weekly handover (Monday night ...)" / "(maandagnacht ...)": in English "Monday night" is the night
 * after Monday, and Dutch "maandagnacht" is commonly the night from Monday to Tuesday. A member who
 * read it on Sunday evening or Monday morning believed they could still withdraw all Monday.
 * What must hold: the card names the night the handover really runs (Sunday to Monday, 02:00),
 * in both languages, and not the night after Monday.
 */
describe('the learning-need card names the night of the handover', () => {
  const handover = DateTime.fromJSDate(nextHandoverAt(new Date('2026-11-26T09:00:00Z'), 'Europe/Amsterdam'), { zone: 'Europe/Amsterdam' });
  const view = { groupId: 'g', sessionId: 'g_w1_s1', questionId: 9, answer: 'Mijn antwoord', current: { answerId: 'a', status: 'pending' as const, theme: 'digitaal' as const }, minimum: 5 };

  it('the handover runs early on Monday (the night from Sunday to Monday)', () => {
    expect(handover.toFormat('cccc HH:mm', { locale: 'en' })).toBe('Monday 02:00');
  });

  it.each([
    ['en', /Monday night/i, /the night from Sunday to Monday at 02:00/],
    ['nl', /maandagnacht/i, /de nacht van zondag op maandag om 02:00/],
  ] as const)('in %s it names the night from Sunday to Monday, not the night after Monday', (language, wrongNight, rightNight) => {
    const text = cardText(learningNeedCard(view, createTranslator().t(language)));
    expect(text).not.toMatch(wrongNight);
    expect(text).toMatch(rightNight);
  });
});
