/**
 * The half-yearly rhythm from the manager's side: the `voorbereiding` list names each direct report
 * who has no conversation ahead, with the date of the last one held (or that none was), and a
 * button that opens the plan card for that person. The manager plans; the app names no one as
 * "late" and counts nothing about the person.
 *
 * Clock: Monday 23 November 2026. Mia manages Anna, Bram and Cem. Anna's conversation is on
 * Tuesday 24 November, Bram's on 10 December; Cem has none.
 * 1. On Thursday 26 November the list shows Bram's conversation ahead, and Anna (last conversation
 *    Tuesday 24 November) and Cem (none yet) with a button each; Anna's opens the plan card with
 *    her chosen.
 * 2. With the directory unreadable, the list still shows the conversations ahead, says the rest
 *    cannot be loaded now, and shows no error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { buttonDataNaming, inputValue } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

describe('the list names the direct reports without a conversation ahead', () => {
  let t: TestApp;
  let directory: string;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(miaChat(), mia, verb, data, 'card-1'))).body.value;
  const list = async () => {
    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    return t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
  };

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    const reports = ['Anna', 'Bram', 'Cem'].map((name) => ({ id: `aad-${name.toLowerCase()}`, name, managerId: 'aad-mia' }));
    writeFileSync(directory, JSON.stringify({ users: [...reports, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('names each report without a conversation ahead, with the last one held, and plans for them from there', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-11-24', timeZone: 'Europe/Amsterdam', prepDays: '0' });
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    t.clock.set('2026-11-26T08:00:00Z');

    const card = await list();
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Voorbereiding: Bram');
    expect(text).toContain('Anna · laatste gesprek: di 24 november');
    expect(text).toContain('Cem · nog geen gesprek');
    expect(text).not.toMatch(/Bram · (laatste gesprek|nog geen)/);

    const plan = await press('review.plan.open', buttonDataNaming(card, 'review.plan.open', 'Anna'));
    expect(inputValue(plan, 'reportId')).toBe('aad-anna');
  });

  it('still lists the conversations ahead when the directory cannot be read', async () => {
    writeFileSync(directory, '{ not json');
    const text = cardText(await list());
    expect(text).toContain('Voorbereiding: Bram');
    expect(text).not.toMatch(/Er ging iets mis|Dat lukte niet/);
    expect(text).not.toContain('Cem');
    expect(text).toContain('is nu niet te laden');
  });
});

