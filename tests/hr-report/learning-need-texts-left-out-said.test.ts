import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { reportSummary } from '../../src/web/hr-report/report-files';
import { cardText } from '../support/group-driver';

/**
 * Found in review, stop 45. L&O asks for the report of a busy half-year: 25 learning needs passed
 * on in people's own words. The card shows 20 of them (SHOWN_TEXTS, for Teams' size limit) and
 * dropped the other 5 without a word, where every other section that cuts says how much it left
 * out and where it is ("En nog 2 voorstellen: zie de downloads"). And the readable summary held
 * none of the texts: counts only. The card now says how many it leaves out and points to the
 * downloads; the summary lists every text under its theme, one line each.
 *
 * What must hold: the card says how many texts it leaves out; the readable summary holds the texts.
 */

const texts = Array.from({ length: 25 }, (_, i) => `Leerwens ${String(i + 1).padStart(2, '0')}: meer oefenen met gesprekken.`);

const report: HrReport = {
  period: { from: '2026-06-01', to: '2026-11-30' },
  groupsActive: 3, sessionsHeld: 40, learningHours: 160, proposalsMade: 5, proposalsValidated: 4, proposalsRejected: 1,
  energy: [],
  b3: [],
  adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  learningNeeds: { minimum: 5, batches: 5, total: 25, counted: 25, restsLeftOut: 0, themesHidden: false, themes: [{ theme: 'coachen', needs: 25, texts }] },
} as HrReport;

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };

describe('learning needs in their own words, beyond what the card shows', () => {
  it('the card says how many it leaves out (25 passed on, 20 shown)', () => {
    const text = cardText(hrReportCard(report, links, createTranslator().t('nl'), 'nl'));
    expect(text).toContain('Leerwens 20');
    expect(text).not.toContain('Leerwens 21');
    // Some line names the 5 texts left out, as the other sections do.
    expect(text.split('\n').some((l) => /\b5\b/.test(l) && /download/i.test(l))).toBe(true);
  });

  it('the readable summary holds the texts the card shows, and those it leaves out', () => {
    const summary = reportSummary(report, createTranslator().t('nl'), 'nl');
    expect(summary).toContain('Leerwens 01: meer oefenen met gesprekken.');
    expect(summary).toContain('Leerwens 25: meer oefenen met gesprekken.');
  });
});
