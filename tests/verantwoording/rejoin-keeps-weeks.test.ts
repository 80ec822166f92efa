import { membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from './support';

/**
 * Leaving keeps a member's history (their index marks the group as left; what they wrote stays),
 * and someone who acts in the chat again joins again. Eva writes along in week 1 (without checking
 * in), is removed from the chat, is added back and writes in week 2. Her verantwoording holds
 * week 1 and week 2: joining again started her membership anew, and week 1 was gone (from her
 * overview, her export's weeks and the time she may correct). Found in review, stop 33.
 */
describe('a member who leaves the chat and comes back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('keeps the weeks of her first stint in her verantwoording', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-rejoin@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(eva, 1, 'Eva: de overdracht loopt mis');
    t.clock.advanceMinutes(30);
    await g.end();
    t.clock.advanceMinutes(30);
    const overview = async () => cardText((await new PersonalChat(t, eva).say('verantwoording')).cards[0]);

    await t.send(membersRemoved(g.conv, anna, [eva]));
    expect(await overview()).toContain('Team Zorg · week 1');

    // A week later she is back in the chat and writes along again.
    t.clock.advanceMinutes(7 * 24 * 60);
    await g.startCycle(2);
    await g.startSession(anna, `${g.groupId}_w2`);
    await g.contribute(eva, 1, 'Eva is er weer bij');

    const after = await overview();
    expect(after).toContain('Team Zorg · week 2');
    expect(after).toContain('Team Zorg · week 1');
  });
});
