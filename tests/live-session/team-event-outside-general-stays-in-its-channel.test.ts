import { membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const TEAM = '19:team@thread.tacv2';

/**
 * Found in review, stop 43. Teams tells of the app (or someone) added to or removed from a team
 * once, in the team's General channel, whose conversation id is the team's; the handler widens
 * such an update to the groups of all the team's channels. It widened any update whose eventType
 * said teamMemberRemoved or teamMemberAdded, wherever it arrived.
 *
 * What must hold: an update with that eventType in another channel (Zorg) concerns that channel
 * alone. Dewi, named removed there, leaves the Zorg group and stays in the Overleg group; the same
 * update told in General takes her out of both.
 */
describe('a team-wide eventType told outside the General channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it("is not widened to the team's other channels; told in General it is", async () => {
    const members = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as TestUser[];
    const dewi = members[3]!;
    t.connector.teamRosters.set(TEAM, members);
    const zorgConv = t.conversation('channel', '19:zorg@thread.tacv2');
    const zorg = new GroupDriver(t, zorgConv, members);
    await zorg.setUp();
    const overleg = new GroupDriver(t, t.conversation('channel', '19:overleg@thread.tacv2'), members);
    await overleg.setUp();
    const memberIds = async (id: string) => ((await t.store.container('sessions').item(id, id).read()).resource as { members: { id: string }[] }).members.map((m) => m.id);

    const removal = (conversationId: string) => {
      const conv = t.conversation('channel', conversationId);
      const update = membersRemoved(conv, members[0]!, [dewi]);
      return { ...update, channelData: { tenant: { id: conv.tenantId }, team: { id: TEAM, name: 'Zorgteam Noord' }, eventType: 'teamMemberRemoved' } };
    };

    expect((await t.send(removal(zorgConv.id))).status).toBe(200);
    expect({ zorg: await memberIds(zorg.groupId), overleg: await memberIds(overleg.groupId) }).toEqual({
      zorg: members.slice(0, 3).map((m) => m.aadObjectId),
      overleg: members.map((m) => m.aadObjectId),
    });

    expect((await t.send(removal(TEAM))).status).toBe(200);
    expect(await memberIds(overleg.groupId)).toEqual(members.slice(0, 3).map((m) => m.aadObjectId));
  }, 60_000);
});
