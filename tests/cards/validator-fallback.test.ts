import { cardProblems } from '../support/card-validator';

const chart = { type: 'Chart.HorizontalBar', data: [{ x: 'Boeien', y: 72 }] };

describe('the card validator and host-specific elements', () => {
  it('accepts an unknown element that has a fallback element', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ ...chart, fallback: { type: 'TextBlock', text: 'zie de cijfers' } }] })).toEqual([]);
  });
  it('accepts fallback "drop"', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ ...chart, fallback: 'drop' }] })).toEqual([]);
  });
  it('still fails an unknown element without a fallback', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [chart] })).toEqual([expect.stringContaining('Unknown element type "Chart.HorizontalBar"')]);
  });
  it('fails when one of two uses lacks the fallback', () => {
    const body = [{ ...chart, fallback: { type: 'TextBlock', text: 'x' } }, { type: 'Container', items: [chart] }];
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body }).length).toBeGreaterThan(0);
  });
  it('checks the fallback element itself', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ ...chart, fallback: { type: 'Carousel' } }] }).length).toBeGreaterThan(0);
  });
});
