import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/** The input with this id on a card (the first one found). */
function input(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.id === id && String(o.type).startsWith('Input.')) found = o;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

const mia = user('Mia');
/** 23:30 UTC on 1 December: 2 December in Amsterdam, still 1 December in New York. */
const LATE_EVENING_UTC = '2026-12-01T23:30:00Z';

/**
 * Planning a talentontwikkelgesprek: "today" is the date in the organisation's time zone
 * (ORG_TIME_ZONE), and the plan card offers that zone first.
 */
describe.each([
  ['Europe/Amsterdam (the default)', {}, 'Europe/Amsterdam', '2026-12-02'],
  ['America/New_York', { ORG_TIME_ZONE: 'America/New_York' }, 'America/New_York', '2026-12-01'],
])('the organisation\'s time zone: %s', (_name, env, zone, today) => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory, ...env }, LATE_EVENING_UTC);
  });
  afterAll(() => t.stop());

  it(`offers ${zone} and dates from ${today} on`, async () => {
    const card = await press('review.plan.open', {});
    const zones = input(card, 'timeZone');
    expect(zones?.value).toBe(zone);
    expect((zones?.choices as { value: string }[]).map((c) => c.value)).toContain(zone);
    expect(input(card, 'date')?.min).toBe(today);
  });

  it('takes 1 December as past only where it is 2 December already', async () => {
    const card = await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-01', timeZone: zone, prepDays: '3' });
    const text = JSON.stringify(card);
    if (today === '2026-12-02') {
      expect(text).toContain('Kies een datum vanaf vandaag en binnen een jaar.');
      expect(text).not.toContain('Gepland: gesprek met Anna');
    } else {
      expect(text).toContain('Gepland: gesprek met Anna');
      expect(text).not.toContain('Kies een datum vanaf vandaag');
    }
  });
});
