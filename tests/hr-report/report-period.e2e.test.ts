/**
 * Scenario: HR asks for the report with one date ("rapport 2026-06-01"), with three dates, or with
 * something that looks like a date and is none. One date is the start and the report runs to
 * today; anything we cannot read gets the usage, in HR's language. Never: the default six months
 * with what HR typed quietly dropped.
 */
import { cardText } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { reportPeriod } from '../../src/teams/features/hr-report/report-period';
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
    ['01-06-2026', undefined],
    ['tot 2026-06-30', undefined],
    ['kwartaal', undefined],
  ])('reads %j as %j', (args, expected) => {
    expect(reportPeriod(args, '2026-11-23', fallback)).toEqual(expected);
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

  it.each(['rapport 2026-06-01 2026-06-30 2026-07-31', 'rapport 2026-13-45', 'rapport 01-06-2026'])('answers %j with the usage, not a report', async (text) => {
    const said = await ask(text);
    expect(said).toContain(USAGE_NL);
    expect(said).not.toContain('Reflectie en terugkoppeling');
  });

  it('gives the usage in English to "report" where no language is stored', async () => {
    expect(await ask('report 2026-13-45')).toContain(USAGE_EN);
  });
});
