/**
 * Found in review, stop 41. HR types a period the report refuses though every date in it is
 * well-formed: the end before the start, more than two years, or one date in the future (which
 * runs "from then to today"). The answer was the same usage line a typo gets, whose example HR's
 * command already follows: nothing said what was wrong. Now the reason comes first, in HR's
 * language, with the dates as typed, and the usage line after it; a typo still gets the usage.
 */
import { message } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const USAGE_NL = "Gebruik: rapport [van jjjj-mm-dd] [tot jjjj-mm-dd], bijvoorbeeld 'rapport 2026-01-01 2026-06-30' (1-1-2026 of 1 januari 2026 mag ook).";
const USAGE_EN = "Use: report [from yyyy-mm-dd] [to yyyy-mm-dd], for example 'report 2026-01-01 2026-06-30' (1-1-2026 or 1 January 2026 work too).";

describe('the reason a well-formed period is refused', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const said = async (text: string, conversation = t.conversation('personal', 'a:hr-period')) => {
    const before = t.connector.calls.length;
    await t.send(message(conversation, HR, text));
    return t.connector.calls.slice(before).map((c) => c.activity?.text ?? JSON.stringify(c.activity?.attachments ?? '')).join('\n');
  };

  it('a typo gets the usage alone', async () => {
    expect(await said('rapport 2026-13-45')).toBe(USAGE_NL);
  });

  it.each([
    ['end before start', 'rapport 2026-06-30 2026-01-01', 'De einddatum 2026-01-01 ligt vóór de begindatum 2026-06-30: zet de vroegste datum eerst.'],
    ['more than two years', 'rapport 2024-01-01 2026-06-30', 'Van 2024-01-01 tot 2026-06-30 is meer dan twee jaar; een rapport beslaat hoogstens twee jaar.'],
    ['one date after today', 'rapport 2027-01-01', '2027-01-01 ligt na vandaag (2026-11-23). Met één datum loopt het rapport van die datum tot vandaag: kies een begindatum die al geweest is.'],
  ])('says why (%s), then the usage', async (_why, text, reason) => {
    expect(await said(text)).toBe(`${reason}\n\n${USAGE_NL}`);
  });

  it('says it in English to "report", and in a shared chat too', async () => {
    expect(await said('report 2026-06-30 2026-01-01')).toBe(`The end date 2026-01-01 is before the start date 2026-06-30: put the earliest date first.\n\n${USAGE_EN}`);
    expect(await said('report 2024-01-01 2026-06-30', t.conversation('channel', '19:hr-period@thread.tacv2'))).toBe(`From 2024-01-01 to 2026-06-30 is more than two years; a report covers at most two years.\n\n${USAGE_EN}`);
  });
});
