/**
 * The half-yearly rhythm across restarts on one database (held in review, stop 51). The app is down
 * on Tuesday 1 December 2026 (the due day) and started again on Wednesday 2 December at 11:00, then
 * restarted twice more that day; between the half-years HR_USER_IDS changes (Hanna leaves HR,
 * Iris joins), Anna moves from Mia to Noor and Bram leaves the organisation. The app is down again
 * over Tuesday 1 June 2027 and back on Thursday 3 June. Expected: each half-year announced once to
 * the HR people of that moment, each manager nudged once per half-year by the directory of that
 * moment; never twice, never none.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';
import { personalCardsTitled } from '../support/hr-report';

/* eslint-disable @typescript-eslint/no-explicit-any -- card and job JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

describe('the half-year moments across restarts and a down day', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let t: TestApp;
  const later: TestApp[] = [];
  let file: string;
  const titled = (aadId: string, title: string) => personalCardsTitled(first, aadId, title);
  // The app that runs now (restarts replace it).
  const runAt = (iso: string) => runAppAt(t, iso);
  const restart = async (iso: string, env: Record<string, string>) => {
    await t.app.stop();
    const next = await startTestApp(env, iso, { cosmos });
    later.push(next);
    t = { ...next, connector: first.connector };
  };
  const directory = (users: object[]) => writeFileSync(file, JSON.stringify({ users }));

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    directory([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
      { id: 'aad-noor', name: 'Noor' },
    ]);
    cosmos = await startTestCosmos();
    first = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z', { cosmos });
    t = first;
  }, 120_000);
  afterAll(async () => {
    for (const a of later) {
      await a.app.stop().catch(() => undefined);
      await a.connector.stop();
    }
    await first.connector.stop();
    await cosmos.close();
  });

  it('announces July-December once after the down day, whatever the restarts', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan');
    await runAt('2026-11-30T17:00:00Z');
    const env = { HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file };
    await restart('2026-12-02T10:00:00Z', env); // down all of Tuesday 1 December
    await runAt('2026-12-02T10:00:00Z');
    await restart('2026-12-02T10:05:00Z', env);
    await runAt('2026-12-02T10:05:00Z');
    await restart('2026-12-02T12:00:00Z', env);
    await runAt('2026-12-02T12:00:00Z');
    await runAt('2026-12-31T22:30:00Z'); // 23:30 Amsterdam on New Year's Eve
    await runAt('2026-12-31T23:30:00Z');
    const hr = titled('aad-hanna', HR_TITLE);
    expect(hr.map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-07-01', to: '2026-12-31', language: 'nl' }]);
    expect(titled('aad-mia', MANAGER_TITLE)).toHaveLength(1);
  });

  it('announces January-June once to the HR and managers of June, after the app was down on 1 June', async () => {
    directory([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-noor' },
      { id: 'aad-mia', name: 'Mia' },
      { id: 'aad-noor', name: 'Noor' },
    ]);
    const env = { HR_USER_IDS: 'aad-iris', DIRECTORY_FILE: file };
    await restart('2027-06-03T09:00:00Z', env); // down over Tuesday 1 June 2027 (07:00 UTC, summer time)
    await runAt('2027-06-03T09:00:00Z');
    await restart('2027-06-03T09:01:00Z', env);
    await runAt('2027-06-03T09:01:00Z');
    await runAt('2027-06-30T21:30:00Z'); // 23:30 Amsterdam on 30 June
    await runAt('2027-06-30T22:30:00Z');
    expect(titled('aad-iris', HR_TITLE).map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2027-01-01', to: '2027-06-30', language: 'nl' }]);
    expect(titled('aad-hanna', HR_TITLE)).toHaveLength(1); // no longer HR: nothing new
    expect({ mia: titled('aad-mia', MANAGER_TITLE).length, noor: titled('aad-noor', MANAGER_TITLE).length }).toEqual({ mia: 1, noor: 1 });
    const jobs = (await first.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear' AND c.status = 'pending'").fetchAll()).resources as any[];
    expect(jobs.map((j) => j.dueAt)).toEqual(['2027-12-01T08:00:00.000Z']);
  });
});
