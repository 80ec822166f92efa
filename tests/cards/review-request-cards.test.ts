import { unitCeiling } from '../../src/domain/shared/text';
import { MAX_REQUEST_MESSAGE_LENGTH } from '../../src/domain/talent-review/review-request';
import { createTranslator } from '../../src/i18n/i18n';
import { reviewRequestCard } from '../../src/teams/cards/talent-review/review-request.card';
import { reviewRequestFormCard } from '../../src/teams/cards/talent-review/review-request-form.card';
import { reviewRequestOutcomeCard } from '../../src/teams/cards/talent-review/review-request-outcome.card';
import { RequestOutcome } from '../../src/usecases/talent-review/request-review';
import { buttonData, field, textInput } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * The cards of a professional's request for a talentontwikkelgesprek, in both languages, at their
 * largest: valid Adaptive Cards 1.5 within Teams' size, no key left untranslated, and the
 * professional's own words (and names) only ever as plain text.
 */
describe('the cards of a request for a talentontwikkelgesprek', () => {
  const translator = createTranslator();
  const longest = 'Ω *vet* [link](https://example.org) '.repeat(20).slice(0, MAX_REQUEST_MESSAGE_LENGTH);
  const longName = 'Anna-Maria '.repeat(25).trim();
  const outcomes: Exclude<RequestOutcome, { status: 'withdrawn' }>[] = [
    { status: 'sent', managerName: longName, message: longest },
    { status: 'sent' },
    { status: 'noManager' },
    { status: 'alreadyPlanned', date: '2026-12-14' },
  ];
  const languages = ['nl', 'en'] as const;
  const untranslated = /(^|\n)talentReview\.|undefined|\{\{/;

  it.each(languages)('the form, also refused with a long text kept whole, in %s', (language) => {
    const t = translator.t(language);
    const form = reviewRequestFormCard(t, 'key-1', { draft: 'a new note' });
    expect(cardProblems(form)).toEqual([]);
    expect(buttonData(form, 'review.request.send')).toEqual({ k: 'key-1', draft: 'a new note' });
    // Teams counts maxLength in code units: the ceiling of the limit in characters as seen, so an emoji-rich message is not stopped early.
    expect(textInput(form, 'text')).toMatchObject({ maxLength: unitCeiling(MAX_REQUEST_MESSAGE_LENGTH) });
    expect(cardText(form)).not.toMatch(untranslated);

    const typed = 'x'.repeat(4000);
    const refused = reviewRequestFormCard(t, 'key-2', { refused: { values: { text: typed }, errors: { text: 'te lang' } } });
    expect(cardProblems(refused)).toEqual([]);
    expect(field(refused, 'text')).toEqual({ value: typed, next: 'te lang' });

    // The press came again after its request was withdrawn: says so, the words kept under a new key.
    const withdrawn = reviewRequestFormCard(t, 'key-3', { draft: 'a new note', message: longest, withdrawnPress: true });
    expect(cardProblems(withdrawn)).toEqual([]);
    expect(cardText(withdrawn)).toContain(t('talentReview.request.withdrawnPress'));
    expect(cardText(withdrawn)).not.toMatch(untranslated);
    expect(textInput(withdrawn, 'text')).toMatchObject({ value: longest });
    expect(buttonData(withdrawn, 'review.request.send')).toEqual({ k: 'key-3', draft: 'a new note' });
  });

  it.each(languages)("the manager's card, with the longest message and a long name, in %s", (language) => {
    const card = reviewRequestCard({ professionalId: 'aad-anna', professionalName: longName, message: longest }, translator.t(language));
    expect(cardProblems(card)).toEqual([]);
    expect(buttonData(card, 'review.plan.open')).toEqual({ reportId: 'aad-anna' });
    expect(cardText(card)).not.toMatch(untranslated);
    // What the professional typed, and their Teams name, never in a TextBlock (read as Markdown).
    const blocks = JSON.stringify(card.body.filter((e) => e.type === 'TextBlock'));
    expect(blocks).not.toContain('vet');
    expect(blocks).not.toContain('Anna-Maria');
    const nameless = reviewRequestCard({ professionalId: 'aad-anna' }, translator.t(language));
    expect(cardProblems(nameless)).toEqual([]);
    expect(cardText(nameless)).toContain(translator.t(language)('talentReview.request.someone'));
  });

  it.each(languages.flatMap((language) => outcomes.map((o) => [language, o.status, o] as const)))("the professional's answer, in %s: %s", (language, _status, outcome) => {
    const card = reviewRequestOutcomeCard(outcome, translator.t(language), language, { draft: 'a new note' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).not.toMatch(untranslated);
    expect(buttonData(card, 'verantwoording.show')).toEqual({ text: 'a new note' });
    expect(JSON.stringify(card.body.filter((e) => e.type === 'TextBlock'))).not.toMatch(/vet|Anna-Maria/);
  });

  it('says something different for each outcome', () => {
    const texts = outcomes.map((o) => cardText(reviewRequestOutcomeCard(o, translator.t('nl'), 'nl')));
    expect(new Set(texts).size).toBe(outcomes.length);
  });
});
