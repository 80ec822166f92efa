import { membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from './support';

/**
 * Leaving keeps a member's history (their index marks the group as left; what they wrote stays),
 * "a silent listener counts" (DOMAIN.md), and someone who acts in the chat again joins again. Eva
 * writes in week 1, is a silent member in week 2, is removed from the chat (her verantwoording holds
 * weeks 1 and 2), comes back and writes in week 3. Her verantwoording keeps weeks 1 and 2: joining
 * again reset when she joined, and a member got only the weeks since then, so her earlier weeks
 * were gone (from her overview, her export's weeks and the time she may correct) the moment she
 * wrote again. Found in review, stop 33 (week 1), and in the review of that fix (week 2).
 */
describe('a member who leaves the chat and comes back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('keeps the weeks before she left, the one she wrote in and the one she sat in silently', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-rejoin@thread.v2'), [anna, bram, cem, eva]);
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
