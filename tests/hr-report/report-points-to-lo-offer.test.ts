/**
 * README left-out of stop 46: "`rapport` has no button to [L&O's offer] (HR types `aanbod`)". HR
 * reads the learning needs per theme in the report and has to know a command to answer them.
 * Must hold: the report's learning-needs section carries a button that opens L&O's offer form (the
 * `loOffer.list` verb, which answers only in HR's own chat with the bot and only for HR), in the
 * card's language, also before any need was handed over; the card's own actions stay the two
 * download links; the card stays valid.
 */
import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardProblems } from '../support/card-validator';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const report = {
  period: { from: '2026-05-24', to: '2026-11-23' },
  groupsActive: 2, sessionsHeld: 80, learningHours: 300, proposalsMade: 10, proposalsValidated: 8, proposalsRejected: 1,
  energy: [],
  b3: [],
  adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  learningNeeds: { minimum: 5, batches: 5, total: 6, counted: 6, restsLeftOut: 0, themesHidden: false, themes: [{ theme: 'coachen', needs: 6, texts: ['Meer oefenen met gesprekken.'] }] },
} as HrReport;
const noNeedsYet = { ...report, learningNeeds: { ...report.learningNeeds!, batches: 0, total: 0, counted: 0, themes: [] } } as HrReport;

type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown> };

describe("the HR report's way to L&O's offer", () => {
  /** Every Action.Execute anywhere on the card, with where it is. */
  function executes(card: unknown, where = 'body'): (Action & { where: string })[] {
    if (Array.isArray(card)) return card.flatMap((c) => executes(c, where));
    if (!card || typeof card !== 'object') return [];
    const o = card as Record<string, unknown>;
    const own = o.type === 'Action.Execute' ? [{ ...(o as unknown as Action), where }] : [];
    return [...own, ...Object.entries(o).flatMap(([k, v]) => executes(v, where === 'body' && k === 'actions' && o.type === 'AdaptiveCard' ? 'card' : where))];
  }

  it.each([
    ['nl', 'Aanbod schrijven of wijzigen'],
    ['en', 'Write or change the offer'],
  ] as const)('has a button in the learning needs that opens the offer form (%s)', (language, title) => {
    for (const r of [report, noNeedsYet]) {
      const card = hrReportCard(r, links, createTranslator().t(language), language) as { actions: Action[] };
      expect(executes(card).map((a) => ({ title: a.title, verb: a.verb, language: a.data?.language, where: a.where }))).toEqual([{ title, verb: 'loOffer.list', language, where: 'body' }]);
      // The downloads stay the card's own two actions (readers take them as the two links).
      expect(card.actions.map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.OpenUrl']);
      expect(cardProblems(card)).toEqual([]);
    }
  });
});
