import { botAdded, ConversationSpec, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const TEAM = '19:team@thread.tacv2';

/**
 * Found in review, stop 43. Zorgteam Noord has two groups: one in its channel "Zorg", one in its
 * shared channel "Ketenoverleg". In a shared (or private) channel an app installed in the team is
 * allowed or disallowed per channel. The channel's owner disallows the app in Ketenoverleg (Teams:
 * membersRemoved = the bot, in that channel, channelData.channel.type "shared") and its group
 * pauses. Later the app is removed from the team and added back (told in General). The setup had
 * stored Noord as Ketenoverleg's team, so the re-add resumed it too, in a channel where Teams
 * still refuses the app: its rhythm planned the weeks again and opened sessions nobody could get.
 *
 * What must hold: only the team's own channels go on with the team's re-add; the shared channel's
 * group waits for the app to be allowed there again. Also for a group saved in the shared channel
 * before the app told channels apart (it still names the team): the app's disallowing in that
 * channel takes the team off it, and allowing the app there again lets it go on.
 */
describe("the app added back to a team, while one channel had removed it on its own", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
  const stored = async (id: string) => (await t.store.container('sessions').item(id, id).read()).resource as { pausedAt?: string; conversationRef: { team?: { id?: string } } };
  const general = () => t.conversation('channel', TEAM);
  const teamEvent = (eventType: string) => ({ tenant: { id: general().tenantId }, team: { id: TEAM, name: 'Zorgteam Noord' }, eventType });
  const inChannel = (conv: ConversationSpec, eventType: string) => ({ tenant: { id: conv.tenantId }, team: { id: TEAM }, channel: { id: conv.id, type: 'shared', name: 'Ketenoverleg' }, eventType });

  it.each([
    ['set up in the shared channel', false],
    ['saved there before the app told channels apart, still naming the team', true],
  ])("resumes the team's groups but leaves the shared channel's group, %s, paused until the app is allowed there again", async (_case, savedBefore) => {
    t.clock.set('2026-11-19T12:00:00Z');
    t.connector.teamRosters.set(TEAM, members);
    const suffix = savedBefore ? 'b' : 'a';
    const zorg = new GroupDriver(t, t.conversation('channel', `19:zorg-${suffix}@thread.tacv2`), members);
    await zorg.setUp();
    const ketenConv: ConversationSpec = { ...t.conversation('channel', `19:ketenoverleg-${suffix}@thread.tacv2`), channelType: 'shared' };
    const keten = new GroupDriver(t, ketenConv, members);
    await keten.setUp();
    expect((await stored(keten.groupId)).conversationRef.team).toBeUndefined();
    if (savedBefore) {
      const item = t.store.container('sessions').item(keten.groupId, keten.groupId);
      const doc = (await item.read()).resource as Record<string, unknown> & { conversationRef: Record<string, unknown> };
      await item.replace({ ...doc, conversationRef: { ...doc.conversationRef, team: { id: TEAM } } });
      expect((await stored(keten.groupId)).conversationRef.team?.id).toBe(TEAM);
    }

    // The app disallowed in the shared channel Ketenoverleg only.
    const channelRemoval = { ...botAdded(ketenConv, members[0]!), membersAdded: undefined, membersRemoved: [BOT], channelData: inChannel(ketenConv, 'channelMemberRemoved') };
    expect((await t.send(channelRemoval)).status).toBe(200);
    expect((await stored(keten.groupId)).pausedAt).toBeDefined();
    expect((await stored(keten.groupId)).conversationRef.team).toBeUndefined();
    expect((await stored(zorg.groupId)).pausedAt).toBeUndefined();

    // The app removed from the team and added back, both told in General.
    t.clock.set('2026-11-20T10:00:00Z');
    expect((await t.send({ ...botAdded(general(), members[0]!), membersAdded: undefined, membersRemoved: [BOT], channelData: teamEvent('teamMemberRemoved') })).status).toBe(200);
    expect((await stored(zorg.groupId)).pausedAt).toBeDefined();
    t.clock.set('2026-11-21T10:00:00Z');
    expect((await t.send({ ...botAdded(general(), members[0]!), channelData: teamEvent('teamMemberAdded') })).status).toBe(200);

    const paused = async () => ({ zorgPaused: Boolean((await stored(zorg.groupId)).pausedAt), ketenPaused: Boolean((await stored(keten.groupId)).pausedAt) });
    expect(await paused()).toEqual({ zorgPaused: false, ketenPaused: true });

    // The app allowed in Ketenoverleg again: its group goes on.
    t.clock.set('2026-11-22T10:00:00Z');
    expect((await t.send({ ...botAdded(ketenConv, members[0]!), channelData: inChannel(ketenConv, 'channelMemberAdded') })).status).toBe(200);
    expect(await paused()).toEqual({ zorgPaused: false, ketenPaused: false });
  }, 90_000);
});
