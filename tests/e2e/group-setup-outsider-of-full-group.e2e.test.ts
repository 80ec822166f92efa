import { user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A full group (eight). Zoe is in the chat but not in the group: pressing a group card she is told
 * the group is full. She then saved the setup form with Anna taken off, herself on it, a new name
 * and a 06:00 start, and all of it was stored: Anna was out of her group without a word. Now
 * she is refused as on any card, and gets back what she entered. Found in review, stop 38.
 */
describe('a colleague in the chat who is not in the full group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('cannot swap a member out for herself through the setup form', async () => {
    const eight = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hana'].map(user);
    const zoe = user('Zoe');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:full-group-outsider@thread.v2'), eight);
    await g.setUp('en');
    t.connector.roster = [...eight, zoe];
    await g.startCycle();
    const refused = await g.press(zoe, 'cycle.start', { groupId: g.groupId, week: 1 }, 'cycle-card');
    const full = cardText(refused.value);
    const swapped = [zoe, ...eight.slice(1)];
    const saved = await g.press(zoe, 'group.setup.save', {
      name: 'Zoe takes over', members: swapped.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '06:00', timeZone: 'Europe/Amsterdam', language: 'en', weeks: '20',
    }, 'setup-card');
    const stored = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect(full).toMatch(/full/i);
    expect(stored.members.map((m: { id: string }) => m.id)).toContain(eight[0]!.aadObjectId);
    expect(stored.members.map((m: { id: string }) => m.id)).not.toContain(zoe.aadObjectId);
    expect(stored.name).toBe('Team Zorg');
    // She hears why, and what she entered comes back.
    const answer = JSON.stringify(saved);
    expect(answer).toMatch(/full/i);
    expect(answer).toContain('Zoe takes over');
  });
});
