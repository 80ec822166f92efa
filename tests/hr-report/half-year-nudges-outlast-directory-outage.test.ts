/**
 * The manager directory does not answer at 09:00 on the half-year's due day (a file being
 * rewritten, Graph 503) and answers again an hour later. HR is reminded; the managers' nudges
 * still come that month, when the job runs again, not lost for the whole half-year (found in
 * review, stop 51).
 * Clock: Monday 23 November 2026; Hanna is HR; Mia manages Anna and planned nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';
import { personalCardsTitled } from '../support/hr-report';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const DIRECTORY = JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] });

describe('directory outage at the half-year moment', () => {
  let t: TestApp;
  let file: string;
  const titled = (aadId: string, title: string) => personalCardsTitled(t, aadId, title);
  // The app that runs now (restarts replace it).
  const runAt = (iso: string) => runAppAt(t, iso);

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, DIRECTORY);
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('nudges Mia once the directory answers again within the month, and HR once', async () => {
    await new PersonalChat(t, hanna).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam
    writeFileSync(file, '{ "users": [ half written'); // unreadable: the directory does not answer
    await runAt('2026-12-01T08:00:00Z');
    expect(titled('aad-hanna', HR_TITLE)).toHaveLength(1);
    writeFileSync(file, DIRECTORY); // an hour later it answers again
    for (const at of ['2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z', '2026-12-02T08:00:00Z', '2026-12-07T08:00:00Z', '2026-12-15T08:00:00Z']) await runAt(at);
    expect({ hr: titled('aad-hanna', HR_TITLE).length, mia: titled('aad-mia', MANAGER_TITLE).length }).toEqual({ hr: 1, mia: 1 });
  });
});
