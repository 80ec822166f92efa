/**
 * Scenario: HR asks for the report with one date ("rapport 2026-06-01"), with three dates, or with
 * something that looks like a date and is none. One date is the start and the report runs to
 * today; anything we cannot read gets the usage, in HR's language. Never: the default six months
 * with what HR typed quietly dropped. Dates may be typed the Dutch way too ("rapport 1-1-2026
 * 31-3-2026", "1 januari 2026"), as the poll command reads its closing date.
 */
import { cardText } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { reportPeriod, unknownPeriodWord } from '../../src/teams/features/hr-report/report-period';
import { askReport } from '../support/hr-report';

const USAGE_NL = 'Gebruik: rapport [van jjjj-mm-dd] [tot jjjj-mm-dd]';
const USAGE_EN = 'Use: report [from yyyy-mm-dd] [to yyyy-mm-dd]';

describe('the period HR typed after "rapport"', () => {
  const fallback = { from: '2026-05-24', to: '2026-11-23' };
  it.each([
    ['', fallback],
    ['2026-06-01', { from: '2026-06-01', to: '2026-11-23' }],
    ['2026-06-01 2026-06-30', { from: '2026-06-01', to: '2026-06-30' }],
    ['van 2026-06-01 tot 2026-06-30', { from: '2026-06-01', to: '2026-06-30' }],
    ['from 2026-06-01 to 2026-06-30', { from: '2026-06-01', to: '2026-06-30' }],
    ['2026-06-01 2026-06-30 2026-07-31', undefined],
    ['2026-13-45', undefined],
    ['2026-02-30', undefined],
    ['tot 2026-06-30', undefined],
    ['kwartaal', undefined],
    // Dates the Dutch way, read as the poll command reads its closing date (found in review, stop 55).
    ['01-06-2026', { from: '2026-06-01', to: '2026-11-23' }],
    ['1-1-2026 31-3-2026', { from: '2026-01-01', to: '2026-03-31' }],
    ['1/1/2026 t/m 31.3.2026', { from: '2026-01-01', to: '2026-03-31' }],
    ['van 1 januari 2026 tot en met 31 maart 2026', { from: '2026-01-01', to: '2026-03-31' }],
    ['donderdag 1 januari 2026 31 mrt 2026', { from: '2026-01-01', to: '2026-03-31' }],
    // Without a year: the last such day up to today (a report looks back), never one to come.
    ['1 juni tot 30 juni', { from: '2026-06-01', to: '2026-06-30' }],
    ['1-12', { from: '2025-12-01', to: '2026-11-23' }],
    ['31-02-2026', undefined],
    ['12/31/2026', undefined],
    ['1 januari 2026 31 maart 2026 30 juni 2026', undefined],
  ])('reads %j as %j', (args, expected) => {
    expect(reportPeriod(args, '2026-11-23', fallback)).toEqual(expected);
  });

  it.each([
    ['1 januari 2026 tot eind 31 maart 2026', 'eind'],
    ['1-1-2026 kwartaal', 'kwartaal'],
    ['31-02-2026', undefined],
    ['van 1 januari 2026 tot en met 31 maart 2026', undefined],
  ])('names the word of %j it does not know: %j', (args, word) => {
    expect(unknownPeriodWord(args)).toBe(word);
  });
});

describe('the report command with the dates HR typed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  /** Everything HR is shown: what the bot said in the channel, and the report as it refreshes for them. */
  const ask = async (text: string) => {
    const before = t.connector.calls.length;
    const seen = await askReport(t, t.conversation('channel', '19:hr-period@thread.tacv2'), HR, text);
    const said = t.connector.calls.slice(before).map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n')).join('\n');
    return seen ? `${said}\n${cardText(seen.card)}` : said;
  };

  it('reports from the one date HR typed up to today', async () => {
    expect(await ask('rapport 2026-06-01')).toContain('Reflectie en terugkoppeling: 1 jun 2026 tot en met 23 nov 2026');
  });

  it('reports the period HR typed the Dutch way', async () => {
    expect(await ask('rapport 1-1-2026 31-3-2026')).toContain('Reflectie en terugkoppeling: 1 jan 2026 tot en met 31 mrt 2026');
  });

  it.each(['rapport 2026-06-01 2026-06-30 2026-07-31', 'rapport 2026-13-45', 'rapport 31-02-2026'])('answers %j with the usage, not a report', async (text) => {
    const said = await ask(text);
    expect(said).toContain(USAGE_NL);
    expect(said).not.toContain('Reflectie en terugkoppeling');
  });

  it('gives the usage in English to "report" where no language is stored', async () => {
    expect(await ask('report 2026-13-45')).toContain(USAGE_EN);
  });
});
