import { membersRemoved } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt, sessionCardsPosted, sessionDays, setUpWithWeeks, textsSince } from './support';

/**
 * Found in review, stop 48 (the year's rhythm). A group of three is set up on Thursday 19 November
 * 2026 for four weeks (Monday-Thursday, 09:00). Before its first week all three leave the chat
 * (Teams tells the app). The rhythm went on reminding ("Over 15 minuten begint sessie ...") and
 * posting session cards for nobody. Now its slots skip a group without members, nothing stored for
 * it, and the rhythm goes on by itself once a setup picks members again: the next slot reminds and
 * opens the week's first session.
 */
describe('a group whose members all left', () => {
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:all-left@thread.v2'), MEMBERS.slice(0, 3));
    await setUpWithWeeks(g, '4');
  });
  afterAll(() => t.stop());

  const groupDoc = async () =>
    ((await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'group' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources as { members: unknown[]; pausedAt?: string }[])[0];

  it('reminds nobody and opens no session once the last member left', async () => {
    expect((await t.send(membersRemoved(g.conv, g.members[0]!, g.members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name }))))).status).toBe(200);
    t.connector.roster = [];
    const group = await groupDoc();
    const from = t.connector.calls.length;
    await runAt(t, '2026-11-23T07:45:00Z');
    await runAt(t, '2026-11-23T08:00:00Z');
    await runAt(t, '2026-11-23T09:30:00Z');
    expect({ members: group?.members?.length, texts: textsSince(t, g, from), sessionCards: sessionCardsPosted(t, g, from).length }).toEqual({ members: 0, texts: [], sessionCards: 0 });
    // Skipped, not paused: nothing stored for it.
    expect((await groupDoc())?.pausedAt).toBeUndefined();
  });

  it('goes on by itself once a setup picks members again: the next slot reminds and opens session 1', async () => {
    t.clock.set('2026-11-23T10:00:00Z');
    await setUpWithWeeks(g, '4');
    expect((await groupDoc())?.members).toHaveLength(3);
    const from = t.connector.calls.length;
    await runAt(t, '2026-11-24T07:45:00Z');
    await runAt(t, '2026-11-24T08:00:00Z');
    expect(textsSince(t, g, from).filter((text) => text.startsWith('Over 15 minuten begint sessie 1 van week 1'))).toHaveLength(1);
    expect(sessionCardsPosted(t, g, from)).toHaveLength(1);
    expect(await sessionDays(t, g, 1)).toEqual([1]);
  });
});

/**
 * The same group left empty for its whole first week: the week that passed unheld is planned again
 * (as after a pause), but the empty chat is told nothing of it, and no slot of the next week
 * reminds or opens either.
 */
describe('a group whose members all left, over a whole week', () => {
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:all-left-week@thread.v2'), MEMBERS.slice(0, 3));
    await setUpWithWeeks(g, '4');
  });
  afterAll(() => t.stop());

  it('says nothing in the chat, also when the unheld week is planned again', async () => {
    await t.send(membersRemoved(g.conv, g.members[0]!, g.members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name }))));
    t.connector.roster = [];
    const from = t.connector.calls.length;
    for (const day of ['23', '24', '25', '26', '30']) {
      await runAt(t, `2026-11-${day}T07:45:00Z`);
      await runAt(t, `2026-11-${day}T08:00:00Z`);
      await runAt(t, `2026-11-${day}T09:30:00Z`);
    }
    expect({ texts: textsSince(t, g, from), sessionCards: sessionCardsPosted(t, g, from).length, week1: await sessionDays(t, g, 1) }).toEqual({ texts: [], sessionCards: 0, week1: [] });
  });
});
