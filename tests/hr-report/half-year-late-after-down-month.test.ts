/**
 * Left out in stop 51, built in stop 53. The app (its scheduler) down for the whole moment month
 * said nothing that half-year: the job that ran after the month said nothing true any more, and
 * nothing was said ever. Now, back within the half-year the moment opens, HR's reminder and the
 * managers' nudges go out once, each saying it comes late; from the next moment month on the
 * missed half-year is not told any more (the next one's reminder is due). And the due time
 * decides, not the pick-up time: a job due in the year's last minute and picked up after midnight
 * is on time for the half-year it was due in (it counted as late and said nothing).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { momentRunTiming, PICK_UP_LAG_MS } from '../../src/domain/hr-report/half-year';
import { user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt as runAppAt } from '../rhythm/support';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const LATE_DECEMBER = 'Deze herinnering komt te laat: ze hoorde in december 2026 te komen';
const AMS = 'Europe/Amsterdam';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('when a moment run counts (the rule)', () => {
  const december = { year: 2026, month: 12 };
  const january = { year: 2027, month: 1 };
  const june = { year: 2027, month: 6 };
  const at = (dueAt: string, pickedUpAt: string) => ({ dueAt: new Date(dueAt), pickedUpAt: new Date(pickedUpAt) });

  it('is on time in the moment month, late after it until the next moment month, then over', () => {
    expect(momentRunTiming(december, june, at('2026-12-01T08:00:00Z', '2026-12-02T10:00:00Z'), AMS)).toBe('onTime');
    expect(momentRunTiming(december, june, at('2026-12-01T08:00:00Z', '2027-01-12T09:00:00Z'), AMS)).toBe('late');
    expect(momentRunTiming(december, june, at('2026-12-01T08:00:00Z', '2027-05-31T21:59:00Z'), AMS)).toBe('late'); // 23:59 on 31 May
    expect(momentRunTiming(december, june, at('2026-12-01T08:00:00Z', '2027-05-31T22:00:00Z'), AMS)).toBe('over'); // 00:00 on 1 June
    expect(momentRunTiming(december, january, at('2026-12-01T08:00:00Z', '2027-01-04T08:00:00Z'), AMS)).toBe('over');
  });

  it('counts a run picked up in the scheduler\'s normal course when it was due, a run that waited for the app when it was picked up', () => {
    // Due at 23:59:30 on New Year's Eve, Amsterdam; picked up after midnight.
    expect(momentRunTiming(december, january, at('2026-12-31T22:59:30Z', '2026-12-31T23:00:30Z'), AMS)).toBe('onTime');
    const due = new Date('2026-12-31T22:59:30Z').getTime();
    expect(momentRunTiming(december, june, at('2026-12-31T22:59:30Z', new Date(due + PICK_UP_LAG_MS).toISOString()), AMS)).toBe('onTime');
    expect(momentRunTiming(december, june, at('2026-12-31T22:59:30Z', new Date(due + PICK_UP_LAG_MS + 1000).toISOString()), AMS)).toBe('late');
    expect(momentRunTiming(december, january, at('2026-12-31T22:59:30Z', new Date(due + PICK_UP_LAG_MS + 1000).toISOString()), AMS)).toBe('over');
  });
});

describe('the app down for the whole moment month', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let t: TestApp;
  const later: TestApp[] = [];
  const env = { HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: directoryFile() };
  const titled = (aadId: string, title: string) => personalCardsTitled(first, aadId, title);
  const runAt = (iso: string) => runAppAt(t, iso);
  const restart = async (iso: string) => {
    await t.app.stop();
    const next = await startTestApp(env, iso, { cosmos });
    later.push(next);
    t = { ...next, connector: first.connector };
  };

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp(env, '2026-11-23T09:00:00Z', { cosmos });
    t = first;
  }, 120_000);
  afterAll(async () => {
    for (const a of later) {
      await a.app.stop().catch(() => undefined);
      await a.connector.stop();
    }
    await first.app.stop().catch(() => undefined);
    await first.connector.stop();
    await cosmos.close();
  });

  it('reminds HR and nudges the manager once in January, each saying it comes late, whatever the restarts', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam
    await runAt('2026-11-30T17:00:00Z');
    await restart('2027-01-12T09:00:00Z'); // down from 30 November to 12 January
    await runAt('2027-01-12T09:00:00Z');
    await restart('2027-01-12T09:05:00Z');
    await runAt('2027-01-12T09:05:00Z');
    await runAt('2027-02-01T09:00:00Z');
    const hr = titled('aad-hanna', HR_TITLE);
    expect(hr.map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-07-01', to: '2026-12-31', language: 'nl' }]);
    expect(cardText(hr[0])).toContain(LATE_DECEMBER);
    const mia = titled('aad-mia', MANAGER_TITLE);
    expect(mia).toHaveLength(1);
    expect(cardText(mia[0])).toContain(LATE_DECEMBER);
  });

  it('says the next half-year in June on time, without a late line', async () => {
    await runAt('2027-06-01T07:00:00Z');
    const hr = titled('aad-hanna', HR_TITLE);
    expect(hr.map((c) => actionData(c, 'hrReport.view'))).toEqual([
      { from: '2026-07-01', to: '2026-12-31', language: 'nl' },
      { from: '2027-01-01', to: '2027-06-30', language: 'nl' },
    ]);
    expect(cardText(hr[1])).not.toContain('te laat');
  });
});

describe('the app down from the moment month into the next one', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let t: TestApp | undefined;
  const env = { HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: directoryFile() };

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp(env, '2026-11-23T09:00:00Z', { cosmos });
  }, 120_000);
  afterAll(async () => {
    await t?.app.stop().catch(() => undefined);
    await t?.connector.stop();
    await first.app.stop().catch(() => undefined);
    await first.connector.stop();
    await cosmos.close();
  });

  it('no longer tells the missed half-year once the next moment month began: June is said, on time', async () => {
    await new PersonalChat(first, user('Hanna')).say('jaarplan');
    await first.app.stop(); // down from 23 November 2026 to 3 June 2027
    t = await startTestApp(env, '2027-06-03T09:00:00Z', { cosmos });
    await runAppAt({ ...t, connector: first.connector }, '2027-06-03T09:00:00Z');
    const hr = personalCardsTitled(first, 'aad-hanna', HR_TITLE);
    expect(hr.map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2027-01-01', to: '2027-06-30', language: 'nl' }]);
    expect(cardText(hr[0])).not.toContain('te laat');
  });
});

describe('a job due in the year\'s last minute, picked up after midnight', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-12-31T22:59:00Z');
  });
  afterAll(() => t.stop());

  it('counts for the half-year it was due in, on time, also when January is the next moment', async () => {
    const hr = new PersonalChat(t, user('Hanna'));
    // 23:59 on New Year's Eve: HR starts with the app and makes January 2027 a moment. December
    // 2026 is a moment under way, never announced: its job is due now.
    const form = (await hr.say('jaarplan 2027')).cards[0];
    t.clock.set('2026-12-31T22:59:30Z');
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '1', secondMoment: '7' });
    expect(cardText(saved)).toContain('januari en juli');
    await runAppAt(t, '2026-12-31T23:00:30Z'); // 00:00:30 on 1 January, Amsterdam
    const reminders = personalCardsTitled(t, 'aad-hanna', HR_TITLE);
    expect(reminders.map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-07-01', to: '2026-12-31', language: 'nl' }]);
    expect(cardText(reminders[0])).not.toContain('te laat');
  });
});
