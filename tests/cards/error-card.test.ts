/**
 * The one error card: every code of the one error type, in every place that words refusals its
 * own way, renders in Dutch and English from the language files (no raw key, no unfilled
 * parameter), and passes the Adaptive Cards schema.
 */
import { DomainError, ERROR_CODES } from '../../src/domain/shared/errors';
import { createTranslator } from '../../src/i18n/i18n';
import { errorCard, ErrorPlace } from '../../src/teams/cards/error.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();
/** Every display parameter any message uses, so no `{{...}}` is left unfilled. */
const PARAMS = { team: 'Zorgteam', teams: 'Zorgteam, Thuiszorg', open: 'Thuiszorg', channel: 'Algemeen', channels: 'General, Overleg', date: '2026-13-01', maxDays: '60' };
/** Every place that words refusals its own way. */
const PLACES: readonly ErrorPlace[] = ['chat', 'verantwoording', 'talentReview'];
const RAW_KEY = /\b(error|pulse\.error|verantwoording\.error|talentReview\.[a-zA-Z]+)\.\S/;

describe('the error card', () => {
  const cases = (['nl', 'en'] as const).flatMap((locale) =>
    PLACES.flatMap((place) => [...ERROR_CODES, 'unexpected' as const].map((code) => [locale, place, code] as const)),
  );

  it.each(cases)('%s, %s: %s renders from the language file', (locale, place, code) => {
    const card = errorCard({ code, params: PARAMS, place }, translator.t(locale));
    const text = cardText(card);
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toContain('{{');
    expect(cardProblems(card)).toEqual([]);
  });

  it('carries the poll\'s display parameters into its words, as plain text', () => {
    const err = new DomainError('badDate', { params: { date: '2026-13-01', maxDays: '60' } });
    expect(err).toMatchObject({ code: 'badDate', params: { date: '2026-13-01', maxDays: '60' } });
    const card = errorCard(err, translator.t('nl'));
    expect(cardText(card)).toContain("De sluitdatum '2026-13-01' kan niet: kies een datum vanaf vandaag, binnen 60 dagen, als jjjj-mm-dd.");
    const typed = errorCard(new DomainError('unknownTeam', { params: { team: '**Zorg**', teams: 'A' } }), translator.t('en'));
    // A typed name is shown as it was typed, never as Markdown.
    expect(JSON.stringify(typed)).toContain('"type":"TextRun","text":"I know no team \'**Zorg**\' with Lerend Werken installed. Known teams: A"');
  });

  it('keeps each place\'s own words: the general, the poll\'s, the verantwoording\'s (with the way back) and a manager\'s refusal', () => {
    const nl = translator.t('nl');
    expect(cardText(errorCard({ code: 'notFound' }, nl))).toBe("Dat lukte niet\nDit onderdeel bestaat niet (meer). Vraag de kaart opnieuw op met 'status'.\nEr is niets verloren gegaan; je kunt het opnieuw proberen.");
    expect(cardText(errorCard({ code: 'noPoll' }, translator.t('en')))).toBe('That did not work\nNo poll was found (yet).');
    expect(cardText(errorCard({ code: 'notFound', place: 'verantwoording' }, nl))).toBe('Dat lukte niet\nDit onderdeel bestaat niet (meer) in jouw verantwoording.\nEr is niets verloren gegaan.\nTerug\nTerug');
    expect(cardText(errorCard({ code: 'forbidden', place: 'talentReview' }, nl))).toBe(`Dat lukte niet\n${nl('talentReview.prep.notManager')}`);
  });
});
