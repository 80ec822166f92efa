import { cardText } from '../../support/group-driver';

/** The names of the nine B3-spiegel scores, as cards and reports show them (nl and en). */
const LABELS = [
  'Werkzaamheden', 'Werkbeleving', 'Waardering', 'Beloning', 'Samenwerking', 'Ontwikkelkansen', 'Boeien', 'Binden', 'Behouden',
  'The work itself', 'How work feels', 'Appreciation', 'Reward', 'Collaboration', 'Development', 'Engage', 'Bind', 'Retain',
];
const SCORE = new RegExp(`(?:${LABELS.join('|')})[\\s:]*\\n?\\s*\\d`);

/** Whether a card (or any text) shows a score: a chart, or a score name followed by a number. */
export function showsFigures(card: unknown): boolean {
  if (card === undefined) return false;
  if (JSON.stringify(card).includes('"Chart.')) return true;
  return SCORE.test(typeof card === 'string' ? card : cardText(card));
}

/** Every number a reader can see, as a multiset (sorted). */
export function numbersIn(card: unknown): number[] {
  const text = typeof card === 'string' ? card : cardText(card);
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).sort((a, b) => a - b);
}

/** What is in `after` and not in `before`, as multisets. */
export function added(before: number[], after: number[]): number[] {
  const left = [...before];
  return after.filter((n) => {
    const i = left.indexOf(n);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}
