/**
 * Found in review (HR's side). The report card ended on "Alleen totalen: geen cijfer rust op minder
 * dan drie antwoorden" ("Totals only: no figure rests on fewer than three answers"), yet the same
 * card quotes the texts managers shared with HR, lists each adopted proposal under its group's
 * name, and shows learning needs in people's own words. A reader taking the line at its word would
 * pass the card on as "totals only".
 *
 * What must hold: the line says what the card does, in both languages: figures are totals, with
 * the minimum they count by, and texts are shown without who wrote them (proposals under the
 * group that adopted them, accounts without manager or team, learning needs without names).
 */
import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardText } from '../support/group-driver';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };

const report: HrReport = {
  period: { from: '2026-05-24', to: '2026-11-23' },
  groupsActive: 1, sessionsHeld: 4, learningHours: 24, proposalsMade: 2, proposalsValidated: 1, proposalsRejected: 0,
  energy: [{ week: '2026-W40', answers: 8, averageIn: 3.5, averageOut: 4 }],
  b3: [],
  facilitation: { conversationsPlanned: 4, withAccount: 3, shared: ['Ik heb ruimte gemaakt voor de cursus wondzorg.'] },
  adoption: { adopted: 1, lookedBack: 0, taken: 0, groups: [{ groupName: 'Leergroep Noord', proposals: [{ verdict: 'accept', text: 'Elke week een casus bespreken.', decidedOn: '2026-10-01' }] }] },
  learningNeeds: { minimum: 3, batches: 1, total: 3, counted: 3, restsLeftOut: 0, themesHidden: false, themes: [{ theme: 'vakkennis', needs: 3, texts: ['Meer oefenen met infusen.'] }] },
};

const lines = (language: 'nl' | 'en') => cardText((hrReportCard(report, links, createTranslator().t(language), language) as { body: unknown }).body).split('\n');

describe('the report card\'s line on what it shows of people', () => {
  it('the card does show texts: a manager\'s account, a group\'s proposal, a learning need in their own words', () => {
    expect(lines('nl')).toEqual(expect.arrayContaining(['Leergroep Noord', 'Elke week een casus bespreken.', '• Ik heb ruimte gemaakt voor de cursus wondzorg.', '“Meer oefenen met infusen.”']));
  });

  it.each([
    ['nl', 'Cijfers zijn totalen: sessies, leeruren en energie tellen alleen met minstens drie aanwezigen of antwoorden, de B3-spiegel vanaf het ingestelde minimum. Teksten staan er zonder wie ze schreef: voorstellen bij de groep die ze aannam, verantwoordingen zonder leidinggevende of team, leerbehoeften zonder naam.'],
    ['en', 'Figures are totals: sessions, learning hours and energy count only with at least three people present or answering, the B3 mirror from the configured minimum. Texts are shown without who wrote them: proposals under the group that adopted them, accounts without manager or team, learning needs without names.'],
  ] as const)('says figures are totals and texts are unattributed, not "totals only" (%s)', (language, line) => {
    const shown = lines(language);
    expect(shown).toContain(line);
    expect(shown.filter((l) => /Alleen totalen|Totals only|rust op minder dan|rests on fewer than/.test(l))).toEqual([]);
  });
});
