import { textInput } from '../support/card-fields';
import { createTranslator } from '../../src/i18n/i18n';
import { groupSetupCard } from '../../src/teams/cards/group-setup.card';
import { learningNeedCard } from '../../src/teams/cards/learning-needs/learning-need.card';
import { cardProblems } from '../support/card-validator';


/**
 * Found in review of stop 37's own change: "a text refused as too long comes back in an input that holds it
 * whole" (`holding`, maxLength = max(limit, text length)) was applied to the session card and the
 * poll, not to the two other forms that refuse a text for its length: the learning need passed to
 * L&O (300) and the group's name on the setup form (120). There the refused text still comes back
 * in an input whose maxLength is below it, which a client may cut. The card validator now refuses
 * any text input whose value is longer than its maxLength (`cardProblems`), on every card a test checks.
 */
describe('the other forms that refuse a text for its length', () => {
  const t = createTranslator().t('nl');

  it('the learning need text of 450 characters', () => {
    const long = 'l'.repeat(450);
    const card = learningNeedCard({ groupId: 'g', sessionId: 's', questionId: 9, answer: 'Mijn antwoord', minimum: 5, refused: { theme: 'skills', text: long, errors: { learningNeedText: 'Te lang' } } }, t);
    const field = textInput(card, 'learningNeedText');
    expect(cardProblems(card)).toEqual([]);
    expect(field?.value).toBe(long);
    expect(field?.maxLength ?? Infinity).toBeGreaterThanOrEqual(long.length);
  });

  it("the group's name of 150 characters", () => {
    const long = 'n'.repeat(150);
    const current = { name: 'Team', members: [{ id: 'a', name: 'Anna' }], schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' }, language: 'nl', plannedWeeks: 20 } as never;
    const card = groupSetupCard({ roster: [{ id: 'a', name: 'Anna' }], current, rev: 0 }, t, { values: { name: long, members: 'a', days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, errors: { name: 'Te lang' } });
    const field = textInput(card, 'name');
    expect(cardProblems(card)).toEqual([]);
    expect(field?.value).toBe(long);
    expect(field?.maxLength ?? Infinity).toBeGreaterThanOrEqual(long.length);
  });
});
