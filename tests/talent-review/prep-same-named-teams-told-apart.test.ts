import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { HR, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';

const mia = user('Mia');
const [anna, bram, , dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const west = team('Zorgteam', 'west', [anna, bram, mia]);
// Mia, Anna's manager, is in both: by default the card shows only teams they share (stop 54).
const oost = team('Zorgteam', 'oost', [anna, dewi, mia]);

/**
 * A professional in two teams that Teams lets share one name: the manager's prep card tells them
 * apart by the same short stable mark the HR report gives them, not by their dates alone.
 * (Stop 51; the HR report's side: tests/hr-report/b3-same-named-teams-kept-apart.test.ts.)
 */
describe('the prep card of someone in two teams of one name', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: '' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    const pulse = new PulseDriver(t);
    await pulse.install(west);
    await pulse.install(oost);
    await seedPoll(t, closedPoll('poll-west', west.id, west.name, '2026-11-20'), [1, 1, 1, 1, 1]);
    await seedPoll(t, closedPoll('poll-oost', oost.id, oost.name, '2026-11-21'), [5, 5, 5, 5, 5]);
    t.clock.set('2026-11-27T10:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  });
  afterAll(() => t.stop());

  it('lists each team under its name and a mark of its own, the same mark on every reading', async () => {
    const review = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: 'aad-anna' }] }).fetchAll()).resources[0];
    const prep = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: review.id }, 'list-card'))).body.value);
    const text = await prep();
    expect(text).toContain('De B3-spiegel van 2 teams van Anna:');
    const lines = text.split('\n').filter((l) => l.startsWith('• Zorgteam'));
    expect(lines).toHaveLength(2);
    const labels = lines.map((l) => l.slice(2, l.indexOf(':')));
    expect(labels.every((l) => /^Zorgteam #[0-9a-f]{4,}$/.test(l))).toBe(true);
    expect(new Set(labels).size).toBe(2);
    expect(await prep()).toBe(text);
  });
});
