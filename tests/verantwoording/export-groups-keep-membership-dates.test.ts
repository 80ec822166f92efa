/**
 * Found in review, stop 47. A person's `membershipIndex` record (their own partition) keeps, per
 * group, whether they are a member and since when: the moment they joined, or the moment they left
 * (`since`; `leftAt` for a member who left and joined again). It decides which weeks count as
 * theirs (weeksTakenPart) and what of the group's proposals is part of their story (leftAtOf). The
 * export's `groups` kept only id, name and `member`: when she joined or left, as the app keeps it
 * about her, was in no part of "mijn gegevens". Her erasure deletes the record.
 *
 * 1. Eva is in Team Zorg's group from its set-up; she is removed from the group's chat.
 * 2. Her index says `member: false` since the removal.
 * 3. A day later she downloads her data in the tab: the group's entry says since when she is no
 *    longer a member.
 * 4. A week later she is back in the chat and checks in to week 2's session (which joins her
 *    again); she downloads her data once more: the entry says since when she is a member again,
 *    and when she last left.
 */
import { membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { tabApi } from './support';

describe('the export and the dates of the membership index', () => {
  let t: TestApp;
  const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  const indexEntry = async (groupId: string) =>
    (
      await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'membershipIndex' AND c.userId = @u", parameters: [{ name: '@u', value: eva.aadObjectId }] }).fetchAll()
    ).resources[0]?.groups?.[groupId];

  it('says when she left the group, and when she came back', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:export-membership@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await g.end();
    t.clock.advanceMinutes(60);
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: eva.id, aadObjectId: eva.aadObjectId, name: eva.name }]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];

    const left = await indexEntry(g.groupId);
    expect(left).toEqual({ groupName: 'Team Zorg', member: false, since: expect.any(String) });

    t.clock.advanceMinutes(24 * 60);
    const api = await tabApi(t, eva.aadObjectId);
    const exported = await api('GET', '/export');
    expect(exported.status).toBe(200);
    expect(exported.json.groups).toEqual([{ id: g.groupId, name: 'Team Zorg', member: false, membership: { member: false, since: left.since } }]);

    // Back in the chat a week later, she checks in: the index keeps when she joined again and when she last left.
    t.clock.advanceMinutes(7 * 24 * 60);
    t.connector.roster = [anna, bram, cem, eva];
    await g.startCycle(2);
    await g.startSession(anna, `${g.groupId}_w2`);
    await g.checkIn(eva, 4);
    const back = await indexEntry(g.groupId);
    expect(back).toEqual({ groupName: 'Team Zorg', member: true, since: expect.any(String), leftAt: left.since });
    expect(back.since > left.since).toBe(true);
    const again = await api('GET', '/export');
    expect(again.json.groups).toEqual([{ id: g.groupId, name: 'Team Zorg', member: true, membership: { member: true, since: back.since, leftAt: left.since } }]);
  }, 180_000);
});
