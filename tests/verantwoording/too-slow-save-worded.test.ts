/**
 * Found in review, stop 55 (fixed then: the verantwoording's error card words `saveTooSlow` with the
 * general "took too long, try again" text).
 *
 * A save in Mijn verantwoording that outlived its save window (save-window.ts) was refused with
 * `saveTooSlow`, and its error card there read "Controleer wat je hebt ingevuld" (`invalidInput`):
 * it sent the person looking for a mistake in what they typed, where there was none.
 */
import { createTranslator } from '../../src/i18n/i18n';
import { errorCard } from '../../src/teams/cards/error.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();

describe('a too-slow save in Mijn verantwoording', () => {
  it.each(['nl', 'en'] as const)('%s: says it took too long and to try again, not to check the input', (locale) => {
    const t = translator.t(locale);
    const card = errorCard({ code: 'saveTooSlow', place: 'verantwoording' }, t);
    expect(cardText(card)).toContain(t('error.saveTooSlow'));
    expect(cardText(card)).not.toContain(t('verantwoording.error.invalidInput'));
    expect(cardProblems(card)).toEqual([]);
  });
});
