import { execute, membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * On membersRemoved the group stops naming them (so its cards no longer reach them). The live
 * session card Eva still has names her among those whose client refreshes it, and "Vernieuwen"
 * is on her own view. A refresh from someone the group let go hands them nothing the group wrote
 * after they left: her card stays as it was, with a word why. It answered with the live session.
 * Found in review, stop 33.
 */
describe('a member removed from the chat refreshes the live session card', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('shows her nothing the group wrote after she left', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-refresh-after-removal@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(eva, 1, 'Eva: de overdracht loopt mis');

    expect((await t.send(membersRemoved(g.conv, anna, [eva]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    const AFTER = 'Bram, na Eva: het echte probleem is onze teamleider';
    await g.contribute(bram, 1, AFTER);

    // Her card's automatic refresh (or her "Vernieuwen").
    const res = await t.send(execute(g.conv, eva, 'session.refresh', { ...g.ids(), k: 'old-key' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(cardText(res.body?.value ?? res.body)).not.toContain(AFTER);
    expect(JSON.stringify(res.body)).toContain('Je bent geen lid meer van deze groep');
  });
});
