import { cardText } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { askReport } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review (HR's side). The report's own title reads "Reflectie en terugkoppeling: 1 jan
 * 2026 tot en met 30 jun 2026", and the parser knew "t/m" and "tm", the abbreviations of "tot en
 * met", but not the words written out (nor English "through"). HR who typed the period as the bot
 * itself writes it, "rapport 2026-01-01 tot en met 2026-06-30", got the bare usage line: no report,
 * and no reason, since "en" and "met" were unknown words, treated as a typo.
 *
 * What must hold: "tot en met" and "through" read as "t/m"; a period refused for a word it does
 * not know names that word, as typed and never as Markdown, in HR's language, before the usage.
 */
const USAGE_NL = "Gebruik: rapport [van jjjj-mm-dd] [tot jjjj-mm-dd], bijvoorbeeld 'rapport 2026-01-01 2026-06-30' (1-1-2026 of 1 januari 2026 mag ook).";
const USAGE_EN = "Use: report [from yyyy-mm-dd] [to yyyy-mm-dd], for example 'report 2026-01-01 2026-06-30' (1-1-2026 or 1 January 2026 work too).";

describe('"rapport <van> tot en met <tot>" and the words a period knows', () => {
  let t: TestApp;
  const chat = () => t.conversation('personal', 'a:hr-tot-en-met');
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  /** What the bot said in words, and the report card's title where there is one. */
  const ask = async (text: string) => {
    const before = t.connector.calls.length;
    const seen = await askReport(t, chat(), HR, text);
    // Only messages with words (the report card has none; nor has a typing indicator on a slow turn).
    const said = t.connector.calls.slice(before).map((c) => c.activity?.text ?? '').filter(Boolean).join('\n');
    return { said, title: seen ? cardText(seen.card).split('\n')[0] : undefined };
  };

  it.each([
    ['rapport 2026-01-01 tot en met 2026-06-30', 'Reflectie en terugkoppeling: 1 jan 2026 tot en met 30 jun 2026'],
    ['rapport van 2026-01-01 Tot En Met 2026-06-30', 'Reflectie en terugkoppeling: 1 jan 2026 tot en met 30 jun 2026'],
    ['rapport 2026-01-01 t/m 2026-06-30', 'Reflectie en terugkoppeling: 1 jan 2026 tot en met 30 jun 2026'],
    ['report 2026-01-01 through 2026-06-30', 'Reflection and feedback: 1 Jan 2026 to 30 Jun 2026'],
  ])('"%s" is a report', async (text, title) => {
    expect(await ask(text)).toEqual({ said: '', title });
  });

  it.each([
    ['rapport 2026-01-01 tot eind 2026-06-30', `'eind' is geen datum (jjjj-mm-dd of 31-12-2026) en geen woord dat ik in een periode ken (van, tot, t/m, tot en met).\n\n${USAGE_NL}`],
    ['rapport 2026-01-01 *tot* 2026-06-30', `'\\*tot\\*' is geen datum (jjjj-mm-dd of 31-12-2026) en geen woord dat ik in een periode ken (van, tot, t/m, tot en met).\n\n${USAGE_NL}`],
    ['report 2026-01-01 till 2026-06-30', `'till' is neither a date (yyyy-mm-dd or 31-12-2026) nor a word I know in a period (from, to, until, through).\n\n${USAGE_EN}`],
  ])('"%s" names the unknown word, then the usage', async (text, said) => {
    expect(await ask(text)).toEqual({ said, title: undefined });
  });

  it('a period of known words in the wrong shape gets the usage alone', async () => {
    expect(await ask('rapport tot en met 2026-06-30')).toEqual({ said: USAGE_NL, title: undefined });
  });
});
