/**
 * Card data and elements are typed: a misspelt data key, a data key a verb does not have, a
 * missing id or a wrong element property is a compile error. The `@ts-expect-error` lines are the
 * test (`npm run typecheck`, part of `npm test`, fails when one of them compiles); the
 * assertions check that what does compile builds the action Teams expects.
 */
import { actionSet, adaptiveCard, execute, refreshFor, textBlock } from '../../src/teams/cards/card-kit';
import { FORM_INPUTS, VERBS } from '../../src/teams/verbs';
import { cardProblems } from '../support/card-validator';

describe('typed card data', () => {
  it('refuses a misspelt key, an unknown key and a missing id at compile time', () => {
    // @ts-expect-error -- "sesionId" is misspelt: contribute's data has sessionId
    execute('Toevoegen', 'contribute', { groupId: 'g', sesionId: 's', questionId: 1 });
    // @ts-expect-error -- sessionId is missing and no input on the card fills it
    execute('Toevoegen', 'contribute', { groupId: 'g', questionId: 1 });
    // @ts-expect-error -- openSetup carries no data at all
    execute('Instellen', 'openSetup', { groupId: 'g' });
    // @ts-expect-error -- week is a number on the card
    execute('Start', 'startCycle', { groupId: 'g', week: 'twee' });
    // @ts-expect-error -- refreshes are typed the same way
    refreshFor('pulseView', { pollId: 'p', target: 't' }, []);
    const ok = execute('Toevoegen', 'contribute', { groupId: 'g', sessionId: 's', questionId: 1, k: 'key' });
    expect(ok).toMatchObject({ type: 'Action.Execute', verb: 'session.contribute', data: { groupId: 'g', sessionId: 's', questionId: 1, k: 'key' } });
    expect(ok.fallback).toEqual({ type: 'Action.Submit', title: 'Toevoegen', data: { groupId: 'g', sessionId: 's', questionId: 1, k: 'key', verb: 'session.contribute' } });
  });

  it('lets a form leave out what its inputs fill in', () => {
    const save = execute('Opslaan', 'planReview', {}, { style: 'positive' });
    expect(save).toMatchObject({ verb: 'review.plan.save', data: {} });
    // Every field a form's inputs fill in is a field of that verb's data.
    for (const [name, fields] of Object.entries(FORM_INPUTS)) {
      const shape = VERBS[name as keyof typeof VERBS].data.shape as Record<string, unknown>;
      for (const field of fields) expect(`${name}.${field}: ${field in shape}`).toBe(`${name}.${field}: true`);
    }
  });

  it('refuses an element property Adaptive Cards does not have, or a value it does not allow', () => {
    // @ts-expect-error -- "colour" is not a TextBlock property
    textBlock('x', { colour: 'Attention' });
    // @ts-expect-error -- "Huge" is not a text size
    textBlock('x', { size: 'Huge' });
    // @ts-expect-error -- an ActionSet holds actions, not elements
    actionSet([textBlock('x')]);
    const card = adaptiveCard([textBlock('Hallo', { weight: 'Bolder', color: 'Attention' })], [execute('Instellen', 'openSetup', {}, { associatedInputs: 'none' })]);
    expect(cardProblems(card)).toEqual([]);
  });
});
