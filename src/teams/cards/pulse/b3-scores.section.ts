import { ASPECTS, BS, Instrument, labelOf } from '../../../domain/pulse-poll/instrument';
import { Change, Figures } from '../../../domain/pulse-poll/results';
import { Translate } from '../../../i18n/i18n';
import { Element, factSet } from '../card-kit';
import { signed } from './pulse-format';

const ORDER = [...BS, ...ASPECTS];

/**
 * The nine scores as a Teams bar chart, with a text fallback for hosts without charts, and
 * always a FactSet with the same numbers (and the change against the previous poll).
 */
export function b3ScoresSection(figures: Figures, change: Change | undefined, instrument: Instrument, t: Translate, withChart: boolean): Element[] {
  const value = (id: (typeof ORDER)[number]) => (BS.includes(id as never) ? figures.bs[id as (typeof BS)[number]] : figures.aspects[id as (typeof ASPECTS)[number]]);
  const delta = (id: (typeof ORDER)[number]) =>
    change ? (BS.includes(id as never) ? change.bs[id as (typeof BS)[number]] : change.aspects[id as (typeof ASPECTS)[number]]) : undefined;
  const chart: Element = {
    type: 'Chart.HorizontalBar',
    title: t('pulse.results.chartTitle'),
    displayMode: 'AbsoluteWithAxis',
    colorSet: 'categorical',
    data: ORDER.map((id) => ({ x: labelOf(instrument, id), y: value(id) })),
    fallback: { type: 'TextBlock', text: t('pulse.results.chartFallback'), wrap: true, isSubtle: true, size: 'Small' },
  };
  const facts = factSet(
    ORDER.map((id) => {
      const d = delta(id);
      return { title: labelOf(instrument, id), value: d === undefined ? String(value(id)) : t('pulse.results.change', { value: value(id), change: signed(d) }) };
    }),
  );
  return withChart ? [chart, facts] : [facts];
}
