import { createTranslator } from '../../src/i18n/i18n';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { profTrajectCard } from '../../src/teams/cards/verantwoording/prof-traject.card';
import { trajectEndCard } from '../../src/teams/cards/verantwoording/traject-end.card';
import { ProfTraject } from '../../src/domain/verantwoording/prof-traject';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const traject: ProfTraject = {
  id: 'pt_1', type: 'profTraject', userId: 'u', learningNeeds: 'Beter plannen', talents: 'Begeleiden', plannedWeeks: 20, visibility: 'private', rev: 3, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z',
};

/** The look-back at the end of a person's own Prof-traject, and the traject's form with their count, in both languages. */
describe.each(['nl', 'en'] as const)('the Prof-traject end cards (%s)', (language) => {
  const t = createTranslator().t(language);
  const verbs = (card: AdaptiveCardJson) => (card.actions ?? []).map((a) => ('verb' in a ? [a.verb, a.data] : [a.type]));

  it.each([
    ['the look-back of twenty weeks', trajectEndCard({ plannedWeeks: 20, key: 'k-1' }, t)],
    ['the look-back of one week', trajectEndCard({ plannedWeeks: 1, key: 'k-1' }, t)],
    ['the form with the count', profTrajectCard(traject, t, 20, undefined, undefined, { progress: { activeWeeks: 12, plannedWeeks: 20 } })],
    ['the form sketched anew', profTrajectCard(traject, t, 20, undefined, 'wat ik typte', { fresh: true })],
    ['the form sketched anew, refused', profTrajectCard(traject, t, 20, { values: { learningNeeds: 'x'.repeat(2100), talents: '', weeks: '10', fresh: true, rev: 3 }, errors: { learningNeeds: 'te lang' } })],
    ['the look-back with a long text typed (the limit is the note\'s)', trajectEndCard({ plannedWeeks: 52, key: 'k'.repeat(36) }, t)],
  ])('%s is a valid card', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('says the weeks were reached, judges nothing, and offers the save with its key, more weeks and a new traject', () => {
    const card = trajectEndCard({ plannedWeeks: 20, key: 'k-1' }, t);
    expect(cardText(card)).toContain(language === 'nl' ? 'Je Prof-traject: je hebt je 20 actieve weken gehaald' : 'Your Prof-traject: you have completed your 20 active weeks');
    expect(cardText(card)).not.toMatch(/achterstand|behind|te weinig|too few/i);
    expect(verbs(card)).toEqual([
      ['verantwoording.note.add', { k: 'k-1' }],
      ['verantwoording.traject.open', {}],
      ['verantwoording.traject.open', { fresh: true }],
    ]);
  });

  it('the form shows the person their own count; sketched anew it is empty, counts anew and keeps that through a refusal', () => {
    expect(cardText(profTrajectCard(traject, t, 20, undefined, undefined, { progress: { activeWeeks: 12, plannedWeeks: 20 } }))).toContain(language === 'nl' ? '12 van 20 actieve weken' : '12 of 20 active weeks');
    const fresh = profTrajectCard(traject, t, 20, undefined, undefined, { fresh: true, progress: { activeWeeks: 20, plannedWeeks: 20 } });
    expect(JSON.stringify(fresh)).not.toContain('Beter plannen');
    expect(cardText(fresh)).not.toMatch(/20 (van|of) 20/);
    expect(verbs(fresh)[0]).toEqual(['verantwoording.traject.save', { rev: 3, fresh: true }]);
    const refused = profTrajectCard(traject, t, 20, { values: { learningNeeds: 'Nieuw', talents: '', weeks: '10', fresh: true, rev: 3 }, errors: { learningNeeds: 'te lang' } });
    expect(verbs(refused)[0]).toEqual(['verantwoording.traject.save', { rev: 3, fresh: true }]);
  });
});
