/**
 * Found in review, stop 45. One announcement per half-year, also when HR moves its month after it
 * came. 2027 has June and December (no plan saved yet). On Tuesday 1 June 2027 Hanna (HR) gets the
 * reminder and Mia (manager of Anna, nothing planned) one nudge for the half-year January-June. On
 * 2 June HR moves the first moment to July. On 1 July the same half-year (now January-July) comes
 * round again: neither Hanna nor Mia gets a second card, because the year's plan remembers which
 * half-years were announced (the outbox forgets its keys a week after sending). The cards were
 * keyed per month, so both got a second one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentProblems } from '../../src/store/document-schemas';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('moving the month after its reminder came', () => {
  let t: TestApp;
  const titled = (aadId: string, title: string) =>
    t.connector
      .cards((c) => c.conversationId === t.connector.personalChats.get(aadId))
      .map((c) => c.card)
      .filter((c: any) => cardText(c).includes(title));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: directoryFile() }, '2027-05-20T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('announces the closing half-year once to HR and nudges the manager once, and the next one as ever', async () => {
    const hr = new PersonalChat(t, hanna);
    await hr.say('jaarplan'); // schedules Tuesday 1 June 2027, 09:00 Amsterdam
    t.clock.set('2027-06-01T07:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(titled('aad-hanna', HR_TITLE)).toHaveLength(1);
    expect(titled('aad-mia', MANAGER_TITLE)).toHaveLength(1);

    t.clock.set('2027-06-02T09:00:00Z');
    const form = (await hr.say('jaarplan')).cards[0];
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '7', secondMoment: '12' });
    expect(cardText(saved)).toContain('juli en december');

    t.clock.set('2027-07-01T07:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect({ hr: titled('aad-hanna', HR_TITLE).length, mia: titled('aad-mia', MANAGER_TITLE).length }).toEqual({ hr: 1, mia: 1 });
    // What remembers it: the year's plan, HR's save kept on it; a document the store's schema accepts.
    const { resources } = await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan'").fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ year: 2027, revision: 1, moments: [7, 12], remindedHalfYears: ['2027-01-01'] });
    expect(documentProblems('installations', resources[0])).toEqual([]);

    // The next half-year is announced as ever: August (after July) to December.
    t.clock.set('2027-12-01T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(titled('aad-hanna', HR_TITLE).map((c) => actionData(c, 'hrReport.view'))).toEqual([
      { from: '2027-01-01', to: '2027-06-30', language: 'nl' },
      { from: '2027-08-01', to: '2027-12-31', language: 'nl' },
    ]);
    expect(titled('aad-mia', MANAGER_TITLE)).toHaveLength(2);
  });
});
