import { cardProblems } from '../support/card-validator';

describe('the card validator itself', () => {
  it('passes a valid 1.5 card', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hoi' }] })).toEqual([]);
  });
  it.each([
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel' }] }],
    ['a version above 1.5', { type: 'AdaptiveCard', version: '1.6', body: [] }],
    ['duplicate input ids', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] }],
    ['an oversized card', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(90 * 1024) }] }],
  ])('fails %s', (_name, card) => {
    expect(cardProblems(card).length).toBeGreaterThan(0);
  });
});
