import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, runWeek } from '../verantwoording/support';

const mia = user('Mia'); // Anna's manager
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';
const ADOPTED = 'Tien minuten overdracht met een vast formulier.';

/**
 * Probe (ownership): a week's learning time is shared, so the manager's prep card shows its hours,
 * the system's session count and the group's proposal of that week. When Anna makes the week
 * private again, the card Mia already has must lose all three, not only the notes (which
 * prep-follows-sharing covers).
 */
describe('un-sharing a week withdraws its hours, session count and proposal from the prep card', () => {
  let t: TestApp;
  let groupId = '';
  let cycleId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const reviewId = async () => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: 'aad-anna' }] }).fetchAll()).resources[0].id as string;
  const miaCardText = (activityId: string) => cardText(t.connector.latest(activityId));

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-unshare@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Leren plannen', personal10: 'Samen puzzelen', contribution: 'De overdracht' });
    groupId = g.groupId;
    cycleId = g.sessionId.replace(/_s\d+$/, '');
    t.clock.set('2026-11-27T10:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  }, 120_000);
  afterAll(() => t.stop());

  it('shows the week and the proposal while shared, and neither after Anna makes the week private', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.press('verantwoording.visibility', { kind: 'time', id: cycleId, groupId, visibility: 'shared' });
    // Mia opens the prep card in her own chat: the message is remembered and rebuilt on a change.
    const shown = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: await reviewId() }, 'prep-msg-1'));
    const before = cardText(shown.body.value);
    expect(before).toContain(TITLE);
    expect(before).toContain(ADOPTED);
    expect(before).toMatch(/4 sessies/);

    await chat.press('verantwoording.visibility', { kind: 'time', id: cycleId, groupId, visibility: 'private' });
    await t.app.outbox.drain(30_000);
    const rebuilt = t.connector.calls.filter((c) => c.conversationId === 'a:personal-mia' && c.method === 'PUT' && c.activityId === 'prep-msg-1');
    expect(rebuilt.length).toBeGreaterThan(0);
    const after = miaCardText('prep-msg-1');
    expect(after).toContain(TITLE);
    expect(after).not.toContain(ADOPTED);
    expect(after).not.toMatch(/sessies\)/);
    expect(after).not.toContain('Team Zorg');
  }, 120_000);
});
