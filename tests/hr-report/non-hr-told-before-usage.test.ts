/**
 * Found in review, stop 45. `rapport` is for HR/L&O only. A colleague types `rapport vorige maand`
 * in a channel: the period was read before the role was checked, so they were coached through the
 * HR command ("'vorige' is geen datum ... Gebruik: rapport [van jjjj-mm-dd] ..."), for the whole
 * channel to read, and only after following the usage heard the command is not theirs. The role
 * is now checked first, as `jaarplan` does.
 *
 * What must hold: anyone who is not HR gets the not-HR answer, whatever they typed after the
 * command word, and no usage of the HR command.
 */
import { message, user } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const colleague = user('Collega');

describe('"rapport" with a period that does not read, typed by someone who is not HR', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const said = async (text: string) => {
    const before = t.connector.calls.length;
    await t.send(message(t.conversation('channel', '19:team-noord@thread.tacv2'), colleague, text));
    return t.connector.calls.slice(before).map((c) => c.activity?.text ?? '').join('\n');
  };

  it('precondition: with a period that reads, they are told the report is for HR', async () => {
    expect(await said('rapport 2026-06-01 2026-06-30')).toContain('Alleen HR/L&O kan het rapport opvragen.');
  });

  it.each(['rapport vorige maand', 'rapport 2026-13-45'])('answers %j with the not-HR text, not the usage of the HR command', async (text) => {
    const answer = await said(text);
    expect(answer).not.toContain('Gebruik: rapport');
    expect(answer).toContain('Alleen HR/L&O kan het rapport opvragen.');
  });
});
