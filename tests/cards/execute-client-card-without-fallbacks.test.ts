/**
 * Issue 11 (stop 57): a card that answers an Action.Execute press is built without its buttons'
 * Action.Submit fallbacks (`forActionExecuteClient`); every other card keeps them, also one built
 * right after such a card, or after a build inside it failed. The end-to-end check is
 * tests/live-session/invoke-card-without-submit-fallbacks.test.ts.
 */
import { actionSet, adaptiveCard, execute, forActionExecuteClient } from '../../src/teams/cards/card-kit';
import { cardProblems } from '../support/card-validator';

const card = () => adaptiveCard([actionSet([execute('Toevoegen', 'contribute', { groupId: 'g', sessionId: 's', questionId: 1, k: 'key' })])], [execute('Vernieuwen', 'refreshSession', { groupId: 'g', sessionId: 's' })]);

describe('a card for the client that pressed Action.Execute', () => {
  it('has no Submit fallbacks, and is otherwise the same card', () => {
    const chat = card();
    const answer = forActionExecuteClient(card);
    expect(JSON.stringify(chat)).toContain('Action.Submit');
    expect(JSON.stringify(answer)).not.toContain('Action.Submit');
    const withoutFallbacks = JSON.parse(JSON.stringify(chat), (key, value) => (key === 'fallback' ? undefined : value));
    expect(JSON.stringify(answer)).toBe(JSON.stringify(withoutFallbacks));
    expect(cardProblems(answer)).toEqual([]);
  });

  it('leaves every card built outside it with its fallbacks, also after a build that failed', () => {
    expect(() =>
      forActionExecuteClient(() => {
        throw new Error('the view could not be built');
      }),
    ).toThrow('the view could not be built');
    forActionExecuteClient(() => forActionExecuteClient(card));
    const after = card();
    expect(after.actions?.[0]).toMatchObject({ fallback: { type: 'Action.Submit', title: 'Vernieuwen', data: { groupId: 'g', sessionId: 's', verb: 'session.refresh' } } });
    expect(JSON.stringify(after).match(/Action\.Submit/g)).toHaveLength(2);
  });
});
