import { botAdded, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const TEAM = '19:team@thread.tacv2';

/**
 * Found in review (group setup and membership). A team sets up its Vitale Weekcyclus in its
 * channel "Zorg" (not General). Later the app is removed from the team. Teams tells a bot of its
 * removal from a team once, in the team's General channel (conversation id = the team id,
 * channelData.team, eventType teamMemberRemoved). The handler paused only the group of that
 * conversation, so the Zorg group stayed live: its rhythm kept opening sessions and posting in a
 * channel where Teams refuses the app, using up the group's planned weeks as unattended.
 *
 * What must hold: a bot is installed per team, so its removal from the team pauses the groups of
 * every channel of the team; a removal the store could not take is answered 503 (Teams delivers it
 * again) and the redelivery pauses them; the app added back to the team (again told in General)
 * lets them go on. Someone removed from the team (told in General as well) leaves them too.
 */
describe('the app removed from a team whose group lives in another channel than General', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  }, 60_000);
  afterAll(() => t.stop());

  it('pauses the group of the team\'s Zorg channel, also when Teams has to deliver the removal again, and resumes it when the app is back', async () => {
    const members = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as TestUser[];
    const zorg = new GroupDriver(t, t.conversation('channel', '19:zorg@thread.tacv2'), members);
    t.connector.teamRosters.set(TEAM, members);
    await zorg.setUp();
    expect(zorg.groupId).toBeTruthy();
    const stored = async () => (await t.store.container('sessions').item(zorg.groupId, zorg.groupId).read()).resource as { pausedAt?: string };

    // Teams' uninstall from the team: a conversationUpdate in the General channel.
    const general = t.conversation('channel', TEAM);
    const teamEvent = (eventType: string) => ({ tenant: { id: general.tenantId }, team: { id: TEAM, name: 'Zorgteam Noord' }, eventType });
    const removed = { ...botAdded(general, members[0]!), membersAdded: undefined, membersRemoved: [BOT], channelData: teamEvent('teamMemberRemoved') };

    // The store fails meanwhile: a failure, so that Teams delivers it again.
    const first = await t.proxy!.withFaults(
      (req) => (req.kind === 'metadata' || req.kind === 'queryPlan' ? undefined : { kind: 'status', status: 503 }),
      () => t.send(removed),
    );
    expect(first.status).toBe(503);
    expect((await stored()).pausedAt).toBeUndefined();

    t.clock.set('2026-11-20T10:00:00Z');
    expect((await t.send(removed)).status).toBe(200);
    expect((await stored()).pausedAt).toBe('2026-11-20T10:00:00.000Z');

    // The app added back to the team, told in General too: the Zorg group goes on.
    t.clock.set('2026-11-21T10:00:00Z');
    const added = { ...botAdded(general, members[0]!), channelData: teamEvent('teamMemberAdded') };
    expect((await t.send(added)).status).toBe(200);
    expect((await stored()).pausedAt).toBeUndefined();

    // Dewi is removed from the team: she is no longer in the Zorg channel, so not in its group.
    const dewi = members[3]!;
    const dewiRemoved = { ...botAdded(general, members[0]!), membersAdded: undefined, membersRemoved: [{ id: dewi.id, aadObjectId: dewi.aadObjectId }], channelData: teamEvent('teamMemberRemoved') };
    expect((await t.send(dewiRemoved)).status).toBe(200);
    const after = (await stored()) as { members: { id: string }[]; pausedAt?: string };
    expect(after.members.map((m) => m.id)).toEqual(members.slice(0, 3).map((m) => m.aadObjectId));
    expect(after.pausedAt).toBeUndefined();
  }, 60_000);
});
