/**
 * Pinned in review, stop 48 (the year's rhythm). Hanna is HR and manages Anna and Bram; she
 * planned a conversation with Anna in this half-year, none with Bram. On Tuesday 1 December 2026
 * she gets the HR reminder and her own manager nudge counting one report, naming nobody, each
 * once, also when the job runs a second time (a second instance, a retry).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-hanna' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-hanna' },
    { id: 'aad-hanna', name: 'Hanna' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

describe('an HR person who is also a manager', () => {
  let t: TestApp;
  const cardsTo = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-hanna')).map((c) => c.card);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: directoryFile() }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('gets the HR reminder and her own nudge (one report, named nowhere), each once', async () => {
    await new PersonalChat(t, hanna).say('jaarplan');
    await t.send(execute(t.conversation('personal', 'a:personal-hanna'), hanna, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-anna'));
    for (let run = 0; run < 2; run++) {
      t.clock.set('2026-12-01T08:00:00Z');
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
    }
    const hr = cardsTo().filter((c: any) => cardText(c).includes(HR_TITLE));
    const nudge = cardsTo().filter((c: any) => cardText(c).includes(MANAGER_TITLE));
    expect({ hr: hr.length, nudge: nudge.length }).toEqual({ hr: 1, nudge: 1 });
    expect(cardText(nudge[0])).toContain('voor 1 van je directe medewerkers');
    for (const name of ['Anna', 'Bram']) expect(JSON.stringify(nudge[0])).not.toContain(name);
  });
});
