/**
 * Found in review, stop 53 (fixed then: the app down across two moment months in a row told the
 * later one's half-year to nobody: a moment's job is scheduled by the previous moment's run (or HR
 * opening the form, or the app added), and the previous run, finding itself past the next moment
 * month ("over"), scheduled only the moment still ahead). Now an "over" run schedules the moment
 * after it with that moment's own id and due time, as it would have on time; that run tells its
 * half-year late (or passes on in turn). With October and November chosen (in July) and the app
 * down from late September to 12 January, November's half-year (1-30 November 2026) is told once, late.
 *
 * Decided then: a tenant that starts using the app in January gets no late reminder for the
 * half-year that ended in December (no moment's job existed for it); its first is June's, on time.
 */
import { botAdded, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';

describe('the app down for two moment months in a row (October and November)', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let second: TestApp | undefined;

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-07-10T09:00:00Z', { cosmos });
  }, 120_000);
  afterAll(async () => {
    await second?.app.stop().catch(() => undefined);
    await second?.connector.stop();
    await first.app.stop().catch(() => undefined);
    await first.connector.stop();
    await cosmos.close();
  });

  it('tells November\'s half-year late when the app is back in January', async () => {
    const hr = new PersonalChat(first, user('Hanna'));
    const form = (await hr.say('jaarplan')).cards[0];
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '10', secondMoment: '11' });
    expect(cardText(saved)).toContain('oktober en november');
    await runAt(first, '2026-09-25T09:00:00Z');
    await first.app.stop(); // down from 25 September 2026 to 12 January 2027
    second = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2027-01-12T09:00:00Z', { cosmos });
    const t = { ...second, connector: first.connector };
    await runAt(t, '2027-01-12T09:00:00Z');
    await runAt(t, '2027-01-12T09:10:00Z');
    await runAt(t, '2027-02-01T09:00:00Z');
    const reminders = personalCardsTitled(first, 'aad-hanna', HR_TITLE);
    expect(reminders.map((c: any) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-11-01', to: '2026-11-30', language: 'nl' }]);
    expect(cardText(reminders[0])).toContain('Deze herinnering komt te laat: ze hoorde in november 2026 te komen');
  });
});

describe('a tenant that starts using the app in January', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2027-01-12T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('gets no late reminder for the half-year that ended in December; June\'s comes on time', async () => {
    await t.send(botAdded(t.conversation('personal', 'a:personal-anna'), user('Anna')));
    await new PersonalChat(t, user('Hanna')).say('jaarplan');
    await runAt(t, '2027-01-12T09:10:00Z');
    await runAt(t, '2027-02-01T09:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toEqual([]);
    await runAt(t, '2027-06-01T07:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE).map((c: any) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2027-01-01', to: '2027-06-30', language: 'nl' }]);
  });
});
