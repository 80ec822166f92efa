/**
 * A guard (held when written, in review of stop 61: the second two-instance review). Two instances of the app on one store, both
 * schedulers and both outboxes running, reach the half-year moment (Tuesday 1 December 2026, 09:00
 * Amsterdam) at the same moment. README ("Talentontwikkelgesprek prep cards and the HR report"):
 * "Cards are keyed per person and half-year, so a second run or instance sends none": HR's reminder
 * and each manager's nudge go once, never twice, never none; and the job is planned once for June.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card and job JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

describe('two instances reach the half-year moment at once', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [
          { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
          { id: 'aad-bram', name: 'Bram', managerId: 'aad-noor' },
          { id: 'aad-mia', name: 'Mia' },
          { id: 'aad-noor', name: 'Noor' },
        ],
      }),
    );
    const env = { HR_USER_IDS: 'aad-hanna,aad-iris', DIRECTORY_FILE: file };
    a = await startTestApp(env, '2026-11-23T09:00:00Z');
    b = await startTestApp(env, '2026-11-23T09:00:00Z', { cosmos: a.cosmos });
  }, 120_000);
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  /** Cards with this title in anyone's personal chat, on either instance's connector. */
  const titled = (title: string) =>
    [a, b].flatMap((t) =>
      t.connector
        .cards(() => true)
        .filter((c) => cardText(c.card as Record<string, unknown>).includes(title))
        .map((c) => [...t.connector.personalChats.entries()].find(([, conv]) => conv === c.call.conversationId)?.[0] ?? c.call.conversationId),
    );

  it('HR reminded once each and each manager nudged once, with both schedulers and outboxes running the moment together', async () => {
    await new PersonalChat(a, user('Hanna')).say('jaarplan');
    const at = '2026-12-01T08:00:00Z';
    a.clock.set(at);
    b.clock.set(at);
    // Both instances' ticks at once, twice (the scheduler ticks every few seconds on each).
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue(), a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    a.clock.advanceMinutes(11);
    b.clock.advanceMinutes(11);
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);

    expect(titled(HR_TITLE).sort()).toEqual(['aad-hanna', 'aad-iris']);
    expect(titled(MANAGER_TITLE).sort()).toEqual(['aad-mia', 'aad-noor']);
    const jobs = (await a.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear' AND c.status = 'pending'").fetchAll()).resources as any[];
    expect(jobs.map((j) => j.dueAt)).toEqual(['2027-06-01T07:00:00.000Z']);
  }, 120_000);
});
