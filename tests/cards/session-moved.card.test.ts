import { createTranslator } from '../../src/i18n/i18n';
import { MovedBecause, sessionMovedCard } from '../../src/teams/cards/session-moved.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * A copy of the session card that the group's steps no longer follow: it has nothing to press, no
 * refresh, and one line in the reader's language on where the live card is (or that none opened).
 */
describe('the card a session card becomes when it no longer follows the session', () => {
  const translator = createTranslator();
  const reasons: MovedBecause[] = ['moved', 'openedElsewhere', 'notStarted', 'unknown'];

  it.each(reasons.flatMap((why) => (['nl', 'en'] as const).map((language) => [why, language] as const)))('%s, in %s: valid, nothing to press, a real sentence', (why, language) => {
    const card = sessionMovedCard(translator.t(language), why);
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions ?? []).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(cardText(card)).not.toMatch(/^session\.|undefined/);
  });

  it('says something different for each reason', () => {
    const texts = reasons.map((why) => cardText(sessionMovedCard(translator.t('en'), why)));
    expect(new Set(texts).size).toBe(reasons.length);
  });
});
