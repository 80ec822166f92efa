/**
 * Left out in stops 50 and 51, built in stop 53: what users expect when HR moves a half-year month
 * after its reminder came, or moves one away and back. One reminder per half-year, every month
 * counted in one account at most:
 * - December 2026 announced July-December; on 2 December HR moves 2026's second month to October.
 *   June 2027 announced November 2026 to June 2027: November and December in two accounts. Now
 *   the plan remembers where the announced half-years ended, and June 2027 starts after it.
 * - In May 2027 HR moves the first month from June to July; June's job runs on 1 June and finds no
 *   moment; on 3 June HR moves it back. The month's job had run (and is kept a week), so scheduling
 *   it again was a no-op and January-June 2027 was announced to nobody. Now it comes that day, once.
 */
import { afterAnnounced } from '../../src/domain/hr-report/half-year';
import { documentProblems } from '../../src/store/document-schemas';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';

async function saveMonths(hr: PersonalChat, command: string, first: string, second: string): Promise<any> {
  const form = (await hr.say(command)).cards[0];
  return hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: first, secondMoment: second });
}

describe('a half-year starts after the latest one announced (the rule)', () => {
  it('starts after an announced half-year that ended before its month, and otherwise as the months say', () => {
    expect(afterAnnounced({ from: '2026-11-01', to: '2027-06-30' }, [undefined, '2026-12-31'])).toEqual({ from: '2027-01-01', to: '2027-06-30' });
    expect(afterAnnounced({ from: '2026-07-01', to: '2026-12-31' }, ['2026-06-30', undefined])).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    // A gap stays a gap (August after an account that ended in June), and the half-year itself does not count.
    expect(afterAnnounced({ from: '2026-08-01', to: '2026-12-31' }, ['2026-06-30'])).toEqual({ from: '2026-08-01', to: '2026-12-31' });
    expect(afterAnnounced({ from: '2026-07-01', to: '2026-12-31' }, ['2026-12-31'])).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });
});

describe('the second month moved earlier after its reminder came', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('counts November and December 2026 once: June 2027 starts in January', async () => {
    const hr = new PersonalChat(t, user('Hanna'));
    await hr.say('jaarplan');
    await runAt(t, '2026-12-01T08:00:00Z');
    t.clock.set('2026-12-02T09:00:00Z');
    expect(cardText(await saveMonths(hr, 'jaarplan', '6', '10'))).toContain('juni en oktober');
    await runAt(t, '2026-12-02T09:05:00Z');
    await runAt(t, '2027-06-01T07:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE).map((c) => actionData(c, 'hrReport.view'))).toEqual([
      { from: '2026-07-01', to: '2026-12-31', language: 'nl' },
      { from: '2027-01-01', to: '2027-06-30', language: 'nl' },
    ]);
    const { resources } = await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan'").fetchAll();
    expect(resources.map((r: any) => [r.year, r.announcedUntil, documentProblems('installations', r)])).toEqual(
      expect.arrayContaining([
        [2026, '2026-12-31', []],
        [2027, '2027-06-30', []],
      ]),
    );
  });
});

describe('a moment month moved away and back within a week, after its job ran', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2027-05-20T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('announces January-June 2027 when June is a moment again, once', async () => {
    const hr = new PersonalChat(t, user('Hanna'));
    await hr.say('jaarplan'); // schedules Tuesday 1 June 2027
    t.clock.set('2027-05-25T09:00:00Z');
    expect(cardText(await saveMonths(hr, 'jaarplan', '7', '12'))).toContain('juli en december');
    await runAt(t, '2027-06-01T07:00:00Z'); // June's job: no moment now
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toEqual([]);
    t.clock.set('2027-06-03T09:00:00Z');
    expect(cardText(await saveMonths(hr, 'jaarplan', '6', '12'))).toContain('juni en december');
    await runAt(t, '2027-06-03T09:01:00Z');
    await hr.say('jaarplan'); // opened again: nothing new
    await runAt(t, '2027-06-03T09:05:00Z');
    await runAt(t, '2027-07-01T07:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE).map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2027-01-01', to: '2027-06-30', language: 'nl' }]);
  });
});
