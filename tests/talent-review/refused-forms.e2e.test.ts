import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

/**
 * The manager's forms answer a refused input with the same form, the inputs kept and the reason
 * next to the field: planning a talentontwikkelgesprek, and "wat heb ik gefaciliteerd?".
 */
describe('refused input in the talent-review forms', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;
  const reviews = async () => JSON.stringify((await t.cosmos.container('reviews').items.query('SELECT c.id, c.date, c.facilitated FROM c ORDER BY c.id').fetchAll()).resources);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('keeps a plan with a date in the past, the reason next to the date', async () => {
    const card = await press('review.plan.save', { reportId: 'aad-bram', date: '2026-01-05', timeZone: 'Europe/London', prepDays: '5' });
    expect(field(card, 'date')).toEqual({ value: '2026-01-05', next: 'Kies een datum vanaf vandaag en binnen een jaar.' });
    expect(field(card, 'reportId')).toEqual({ value: 'aad-bram', next: undefined });
    expect(field(card, 'timeZone')?.value).toBe('Europe/London');
    expect(field(card, 'prepDays')?.value).toBe(5);
    expect(cardText(card)).toContain('Nog niet bewaard');
    expect(cardProblems(card)).toEqual([]);
    expect(await reviews()).toBe('[]');
  });

  it.each([
    ['a date that is none', { date: 'morgen' }, 'date', 'Kies een geldige datum.'],
    ['too many days before', { prepDays: '45' }, 'prepDays', 'Kies van 0 tot 30 dagen.'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'Kies een tijdzone uit de lijst.'],
    ['no report', { reportId: '' }, 'reportId', 'Kies een van je medewerkers.'],
  ])('says %s next to that field', async (_name, change, id, reason) => {
    const card = await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3', ...change });
    expect(field(card, id)?.next).toBe(reason);
    expect(await reviews()).toBe('[]');
  });

  it('keeps what the manager wrote under "wat heb ik gefaciliteerd?" when it is too long or empty', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const before = await reviews();
    const long = 'f'.repeat(2500);
    const card = await press('review.facilitated.save', { reviewId, facilitated: long });
    expect(field(card, 'facilitated')).toEqual({ value: long, next: 'Hoogstens 2.000 tekens; dit zijn er 2.500.' });
    expect(cardText(card)).toContain('Voorbereiding: talentontwikkelgesprek met Anna');
    expect(cardProblems(card)).toEqual([]);
    const empty = await press('review.facilitated.save', { reviewId, facilitated: '  ' });
    expect(field(empty, 'facilitated')?.next).toBe('Schrijf op wat je hebt gefaciliteerd: tijd, ruimte of middelen.');
    expect(await reviews()).toBe(before);
  });

  it('says it in the manager\'s own language', async () => {
    await t.send(message(personal(), mia, 'taal en'));
    const card = await press('review.plan.save', { reportId: 'aad-anna', date: '2026-01-05', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    expect(field(card, 'date')?.next).toBe('Choose a date from today and within a year.');
    expect(cardText(card)).toContain('Not saved yet');
  });
});
