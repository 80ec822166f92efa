import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';
import { execute, membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * "Who leaves the chat leaves the group" and "a redelivered activity stores nothing twice". Eva
 * answers on the session card; Teams got no timely answer and delivers the very same invoke
 * again, after Eva was removed from the chat. The press finds her answer stored and changes
 * nothing: she stays out of the group, and her index keeps the group as left. She was made a
 * member again (a place of eight, the group's cards, search and new weeks).
 * Found in review, stop 33.
 */
describe('a press Teams redelivers after the member was removed from the chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('does not make the removed member a member of the group again', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-redelivered-rejoin@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();

    const press = execute(g.conv, eva, 'session.contribute', { ...g.ids(), questionId: 1, text: 'Eva: de overdracht loopt mis', k: 'card-key-1' }, g.sessionMessageId);
    expect((await t.send(press)).status).toBe(200);

    expect((await t.send(membersRemoved(g.conv, anna, [eva]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    const groups = new CosmosGroupRepository(t.store);
    const index = new CosmosMembershipIndex(t.store);
    expect((await groups.get(g.groupId))!.members.map((m) => m.id)).not.toContain(eva.aadObjectId);

    // Teams redelivers the same invoke (same activity id, same card key).
    const again = await t.send(press);
    expect(again.status).toBe(200);

    expect((await g.items('contribution')).filter((c) => c.authorId === eva.aadObjectId)).toHaveLength(1);
    expect((await groups.get(g.groupId))!.members.map((m) => m.id)).toEqual([anna, bram, cem].map((u) => u.aadObjectId));
    expect((await index.groupsOf(eva.aadObjectId)).find((e) => e.groupId === g.groupId)).toMatchObject({ member: false });
  });
});
