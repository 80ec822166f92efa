/**
 * README left-out of stop 46: "`rapport` has no button to [L&O's offer] (HR types `aanbod`)". HR
 * reads the learning needs per theme in the report and has to know a command to answer them.
 * Must hold: the report card carries a button that opens L&O's offer form (the `loOffer.list`
 * verb, which answers only in HR's own chat with the bot and only for HR), in the card's language,
 * and the card stays valid.
 */
import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardProblems } from '../support/card-validator';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const report: HrReport = {
  period: { from: '2026-05-24', to: '2026-11-23' },
  groupsActive: 2, sessionsHeld: 80, learningHours: 300, proposalsMade: 10, proposalsValidated: 8, proposalsRejected: 1,
  energy: [],
  b3: [],
  adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
};

type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown> };

describe("the HR report's way to L&O's offer", () => {
  it.each([
    ['nl', 'Aanbod schrijven of wijzigen'],
    ['en', 'Write or change the offer'],
  ] as const)('has a button that opens the offer form (%s)', (language, title) => {
    const card = hrReportCard(report, links, createTranslator().t(language), language) as { actions: Action[] };
    const toOffer = card.actions.filter((a) => a.type === 'Action.Execute' && a.verb === 'loOffer.list');
    expect(toOffer.map((a) => ({ title: a.title, language: a.data?.language }))).toEqual([{ title, language }]);
    expect(cardProblems(card)).toEqual([]);
  });
});
