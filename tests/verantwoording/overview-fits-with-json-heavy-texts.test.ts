/**
 * A guard (held when written, in review of stop 55, "every card at its largest"). The overview in the person's own
 * chat at its true largest (the fixture of overview-fits-teams-size.test.ts), but every text
 * written with quotation marks and line breaks: two characters each in the card's JSON, so the
 * same number of characters weighs twice. And a refused new note (over the limit, kept whole in
 * its field) on top. `firstCardThatFits` returns its last step even when that does not fit: is
 * that last step within the size, and does the card still say what it leaves out?
 */
import { createTranslator } from '../../src/i18n/i18n';
import { MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { filler, largestOverview } from './largest-overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();
const long = filler('"Ja", zei ze.\n');
const { worst } = largestOverview(long);

describe('overview at its largest, texts that grow in JSON', () => {
  it.each(['nl', 'en'] as const)('fits, and says it does not show everything (%s)', (locale) => {
    const t = translator.t(locale);
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(t('verantwoording.fit.notAll'));
  });

  it.each(['nl', 'en'] as const)('with a refused note of quotation marks kept whole: fits (%s)', (locale) => {
    const t = translator.t(locale);
    const draft = { text: long(5000), error: t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length: 5000 }) };
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam', draft);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(t('verantwoording.fit.notAll'));
  });
});
