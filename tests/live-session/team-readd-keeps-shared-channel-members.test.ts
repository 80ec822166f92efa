import { botAdded, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const TEAM = '19:team@thread.tacv2';

/**
 * Found in review, stop 43. Zorgteam Noord hosts a shared channel "Ketenoverleg" (Teams sends its
 * activities with channelData.team = the host team and channelData.channel.type = "shared"). Its
 * group has three of Noord's people and Xena, a direct member of the shared channel from a partner
 * organisation (not in Noord's team roster); she joined by acting on the group's card, as anyone in
 * the channel may. The app is removed from Noord and added back (both told in General). The setup
 * had stored Noord as the group's team, so the re-add checked the group against the roster of
 * General, the host team's members, and took Xena out though she never left the shared channel.
 *
 * What must hold: a shared channel's group is not one of the team's own channels. Its setup stores
 * no team, the team's re-add does not check it against the team's roster, and Xena stays in it.
 */
describe("the app added back to a team that hosts a shared channel's group", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it("keeps the shared channel's own member who is not in the host team", async () => {
    const noord = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    const xena = user('Xena');
    t.connector.teamRosters.set(TEAM, noord);
    const shared = new GroupDriver(t, { ...t.conversation('channel', '19:ketenoverleg@thread.tacv2'), channelType: 'shared' }, noord);
    await shared.setUp();
    // Xena, in the shared channel, starts the week on the group's card: she joins the group.
    await shared.press(xena, 'cycle.start', { groupId: shared.groupId, week: 1 }, 'cycle-card');
    const stored = async () => (await t.store.container('sessions').item(shared.groupId, shared.groupId).read()).resource as { members: { id: string }[]; pausedAt?: string; conversationRef: { team?: unknown } };
    expect((await stored()).members.map((m) => m.id)).toContain(xena.aadObjectId);
    expect((await stored()).conversationRef.team).toBeUndefined();

    const general = t.conversation('channel', TEAM);
    const teamEvent = (eventType: string) => ({ tenant: { id: general.tenantId }, team: { id: TEAM, name: 'Zorgteam Noord' }, eventType });
    const removed = { ...botAdded(general, noord[0]!), membersAdded: undefined, membersRemoved: [BOT], channelData: teamEvent('teamMemberRemoved') };
    expect((await t.send(removed)).status).toBe(200);

    t.clock.set('2026-11-21T10:00:00Z');
    const added = { ...botAdded(general, noord[0]!), channelData: teamEvent('teamMemberAdded') };
    expect((await t.send(added)).status).toBe(200);
    const after = await stored();
    expect(after.pausedAt).toBeUndefined();
    expect(after.members.map((m) => m.id)).toEqual([...noord, xena].map((m) => m.aadObjectId));
  }, 60_000);
});
