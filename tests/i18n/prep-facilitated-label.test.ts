import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

/**
 * Found in review. A manager (Mia) plans a talent review with Anna and opens the prep card. Its one
 * free-text input, "What did I facilitate?" (id `facilitated`: the manager's own accountability,
 * which reaches the professional and HR), must carry a label of its own: the heading and hint
 * above it are separate text blocks, so without one Teams' screen reader announces an unnamed
 * edit field. Every input of the card (the toggle has its title) is named, in English and Dutch.
 */
const mia = user('Mia');

describe('the prep card names its facilitation input', () => {
  let t: TestApp;
  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia', teamId: 'team-noord' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const inputsOf = (card: unknown) => {
    const out: { id: string; type: string; label?: string }[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) out.push({ id: String(o.id), type: o.type, label: o.label as string | undefined });
        Object.values(o).forEach(walk);
      }
    };
    walk((card as { body: unknown }).body);
    return out;
  };

  it.each(['en', 'nl'] as const)('every input of the manager\'s prep card has a label (%s)', async (language) => {
    const m = new PersonalChat(t, mia);
    await m.say(`language ${language}`);
    await t.send(execute(m.conv, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'x'));
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const prep = (await t.send(execute(m.conv, mia, 'review.prep.show', { reviewId }, 'x'))).body.value;
    const inputs = inputsOf(prep);
    expect(inputs.map((i) => i.id)).toContain('facilitated');
    expect(inputs.filter((i) => i.type !== 'Input.Toggle' && !i.label?.trim()).map((i) => `${i.id} has no label`)).toEqual([]);
  });
});
