import { B_FROM, Instrument, labelOf } from '../../../domain/pulse-poll/instrument';
import { Figures } from '../../../domain/pulse-poll/results';
import { Locale, Translate } from '../../../i18n/i18n';
import { Element, textBlock } from '../card-kit';
import { decimal } from './pulse-format';

/**
 * How a score is made, with this result's own figures for Boeien: its statement and two aspects
 * on 1-5, their mean, and the formula that turns the mean into the score.
 */
export function scoreExplanation(figures: Figures, instrument: Instrument, t: Translate, language: Locale): Element[] {
  const [a1, a2] = B_FROM.boeien;
  const d = (n: number) => decimal(n, language);
  return [
    textBlock(t('pulse.results.scale'), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    textBlock(
      t('pulse.results.example', {
        b: labelOf(instrument, 'boeien'),
        statement: instrument.items.find((i) => i.id === 'boeien')!.statement,
        m0: d(figures.means.boeien),
        a1: labelOf(instrument, a1),
        m1: d(figures.means[a1]),
        a2: labelOf(instrument, a2),
        m2: d(figures.means[a2]),
        mean: d(figures.bMeans.boeien),
        score: figures.bs.boeien,
      }),
      { isSubtle: true, size: 'Small', spacing: 'None' },
    ),
  ];
}
