/**
 * The manager's plan form (report, date, time zone, prep days) under hostile input (found in
 * review, stop 49). Prep days "1,5" is read as 1.5 and refused as no whole number, shown as 1.5
 * (an emptied field plans with the default, unseen); text comes back empty with its reason naming it. The promise: a refusal of one field keeps every other input as chosen, the reason next to
 * the refused one, in the manager's language; nothing stored.
 * Mia (English Teams client, nothing chosen in the app) manages Anna and Eva.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { buttonData, field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const mia = user('Mia');
const SAVE = 'review.plan.save';

describe('the plan form under hostile input', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (data: Record<string, unknown>) => (await t.send({ ...execute(chat(mia), mia, SAVE, data, 'card-1'), locale: 'en-US' })).body.value;
  const reviews = async () => JSON.stringify((await t.store.container('reviews').items.query("SELECT c.id, c.date FROM c WHERE c.type = 'talentReview'").fetchAll()).resources);
  let form: any;

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    form = (await t.send({ ...execute(chat(mia), mia, 'review.plan.open', {}, 'card-0'), locale: 'en-US' })).body.value;
  });
  afterAll(() => t.stop());

  it.each([
    ['a date that does not exist', '2026-02-30'],
    ['a date in the past', '2026-11-02'],
    ['a word', 'next week'],
  ])('%s: refused next to the date in English, the report, time zone and prep days kept', async (_name, date) => {
    expect(buttonData(form, SAVE)).toBeDefined();
    const before = await reviews();
    const card = await press({ ...buttonData(form, SAVE), reportId: 'aad-eva', date, timeZone: 'Europe/London', prepDays: '5' });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'date')?.next).toBeDefined();
    expect(field(card, 'date')?.next).not.toMatch(/\b(de|het|een|datum|niet)\b/);
    expect(inputValue(card, 'reportId')).toBe('aad-eva');
    expect(inputValue(card, 'timeZone')).toBe('Europe/London');
    expect(inputValue(card, 'prepDays')).toBe(5);
    expect(await reviews()).toBe(before);
  });

  it('a report the form did not offer: refused next to the report, the date kept, nothing stored', async () => {
    const before = await reviews();
    const card = await press({ ...buttonData(form, SAVE), reportId: 'aad-nobody', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    expect(field(card, 'reportId')?.next).toBeDefined();
    expect(inputValue(card, 'date')).toBe('2026-12-10');
    expect(await reviews()).toBe(before);
    expect(cardText(card)).not.toMatch(/Niet|niet bewaard/);
  });

  it('prep days "1,5": refused next to the field, and the field does not come back empty (an empty one plans with the default, unseen)', async () => {
    const before = await reviews();
    const card = await press({ ...buttonData(form, SAVE), reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '1,5' });
    expect(field(card, 'prepDays')?.next).toBeDefined();
    expect(await reviews()).toBe(before);
    expect(inputValue(card, 'prepDays')).not.toBe('');
    expect(field(card, 'prepDays')).toEqual({ value: 1.5, next: 'Choose from 0 to 30 days.' });
    // The other inputs kept.
    expect(inputValue(card, 'reportId')).toBe('aad-anna');
    expect(inputValue(card, 'date')).toBe('2026-12-10');
  });

  it('prep days as text: refused in English, the reason naming what was typed; the field empty (it cannot hold text), the rest kept', async () => {
    const before = await reviews();
    const card = await press({ ...buttonData(form, SAVE), reportId: 'aad-eva', date: '2026-12-11', timeZone: 'Europe/London', prepDays: 'veel' });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'prepDays')).toEqual({ value: undefined, next: "'veel' is not a number. Choose from 0 to 30 days." });
    expect(inputValue(card, 'reportId')).toBe('aad-eva');
    expect(inputValue(card, 'timeZone')).toBe('Europe/London');
    expect(await reviews()).toBe(before);
  });
});
