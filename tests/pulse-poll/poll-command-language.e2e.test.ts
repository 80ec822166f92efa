/**
 * Scenario: an HR adviser types a poll command with a date that is no date. The explanation comes
 * in the language they chose in their 1:1 chat ("language en"), not in the app's Dutch default;
 * with no choice stored, the command word they typed ("poll" or "peiling") decides.
 */
import { message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const HR2 = user('Henk');

describe('poll commands answer in the HR adviser\'s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: `${HR.aadObjectId},${HR2.aadObjectId}`, POLL_HASH_KEY: 'poll-language-key'.padEnd(40, 'p') }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const said = (from: number) => t.connector.calls.slice(from).map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n')).join('\n');

  it('explains a bad date in English to an HR adviser who chose English, also for a Dutch command word', async () => {
    const personal = t.conversation('personal', 'a:hanna-personal');
    await t.send(message(personal, HR, 'language en'));
    let before = t.connector.calls.length;
    await t.send(message(personal, HR, 'poll start all teams 2026-13-45'));
    expect(said(before)).toContain("'2026-13-45' is not a date I know");
    before = t.connector.calls.length;
    await t.send(message(personal, HR, 'peiling start alle teams 2026-13-45'));
    expect(said(before)).toContain("'2026-13-45' is not a date I know");
  });

  it('confirms a started poll in the language HR chose, and says in it which language the teams get the poll in', async () => {
    const d = new PulseDriver(t);
    await d.install(team('Zorgteam Oost', 'oost', members('oost', 5)));
    const personal = t.conversation('personal', 'a:hanna-personal');
    await t.send(message(personal, HR, 'language en'));
    let before = t.connector.calls.length;
    await t.send(message(personal, HR, 'poll start Zorgteam Oost 2026-12-04'));
    await d.settle();
    const confirmation = said(before);
    expect(confirmation).toContain('B3 mirror started');
    expect(confirmation).toContain('Language of the poll');
    expect(confirmation).toContain('Dutch');
    expect(confirmation).toContain('language en');
    expect(confirmation).not.toContain('B3-spiegel gestart');
    await t.send(message(personal, HR, 'poll close'));
    await d.settle();
    before = t.connector.calls.length;
    await t.send(message(personal, HR, 'poll start Zorgteam Oost 2026-12-11 language en'));
    await d.settle();
    expect(said(before)).toMatch(/Language of the poll\s*English/);
  });

  it('follows the command word when the HR adviser chose no language', async () => {
    const personal = t.conversation('personal', 'a:henk-personal');
    let before = t.connector.calls.length;
    await t.send(message(personal, HR2, 'poll start all teams 2026-13-45'));
    expect(said(before)).toContain("'2026-13-45' is not a date I know");
    before = t.connector.calls.length;
    await t.send(message(personal, HR2, 'peiling start alle teams 2026-13-45'));
    expect(said(before)).toContain("'2026-13-45' is geen datum die ik ken");
  });
});
