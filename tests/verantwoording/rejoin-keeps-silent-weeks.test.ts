import { membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from './support';

/**
 * Found in review of this stop's own change (stop 33).
 *
 * "A silent listener counts" (DOMAIN.md), and a former member keeps "the weeks from their first
 * trace in the group until they left". Eva writes in week 1, is a silent member in week 2, and
 * is removed from the chat: her verantwoording holds week 1 and week 2. She comes back later and
 * writes in week 3, which makes her a member again.
 * Week 2 stays in her verantwoording (she was a member then; nothing about that week
 * changed), as week 1 now does.
 * Joining again reset `since`, and a member got only the weeks since then plus the weeks
 * they attended or wrote in, so week 2 disappeared from her overview (and from the weeks she may
 * correct her time for) the moment she writes again.
 */
describe('a member who leaves the chat and comes back keeps her silent weeks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('still holds the week she sat in silently before she left', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-probe-rejoin-silent@thread.v2'), [anna, bram, cem, eva]);
    const overview = async () => cardText((await new PersonalChat(t, eva).say('verantwoording')).cards[0]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(eva, 1, 'Eva: de overdracht loopt mis');
    t.clock.advanceMinutes(30);
    await g.end();

    // Week 2: Eva is a member and says nothing.
    t.clock.advanceMinutes(7 * 24 * 60);
    await g.startCycle(2);
    await g.startSession(anna, `${g.groupId}_w2`);
    await g.contribute(bram, 1, 'Bram in week 2');
    t.clock.advanceMinutes(30);
    await g.end();

    t.clock.advanceMinutes(3 * 24 * 60);
    await t.send(membersRemoved(g.conv, anna, [eva]));
    t.connector.roster = [anna, bram, cem];
    const left = await overview();
    expect(left).toContain('Team Zorg · week 1');
    expect(left).toContain('Team Zorg · week 2');

    // Two weeks later she is back in the chat and writes along in week 3.
    t.clock.advanceMinutes(14 * 24 * 60);
    t.connector.roster = [anna, bram, cem, eva];
    await g.startCycle(3);
    await g.startSession(anna, `${g.groupId}_w3`);
    await g.contribute(eva, 1, 'Eva is er weer bij');

    const back = await overview();
    expect(back).toContain('Team Zorg · week 3');
    expect(back).toContain('Team Zorg · week 1');
    expect(back).toContain('Team Zorg · week 2');
  });
});
