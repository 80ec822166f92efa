import { botAdded, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const TEAM = '19:team@thread.tacv2';

/**
 * Found in review, stop 43. A team's Vitale Weekcyclus lives in its channel "Zorg". The app is
 * removed from the team (the group pauses) and added back. While Teams tells of the re-add, the
 * store answers the one cross-partition query for the team's groups with 503. The install's turn
 * logged it, resumed only General's (absent) group and answered 200: Teams never delivered the
 * re-add again, and nothing else ever resumes the Zorg group (a standard channel cannot get the
 * app on its own, no press lifts a pause). Its rhythm stayed dead for good.
 *
 * What must hold: as the removal does, the re-add the store could not take fails with 503 after
 * every step was tried, so Teams delivers it again; the redelivery resumes the Zorg group, and the
 * greeting in General goes out once, however often Teams delivers the re-add.
 */
describe("the app added back to a team while the store fails the team's groups query", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('answers 503, and the redelivery resumes the Zorg group and greets once', async () => {
    const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    t.connector.teamRosters.set(TEAM, members);
    const zorg = new GroupDriver(t, t.conversation('channel', '19:zorg@thread.tacv2'), members);
    await zorg.setUp();
    const stored = async () => (await t.store.container('sessions').item(zorg.groupId, zorg.groupId).read()).resource as { pausedAt?: string };

    const general = t.conversation('channel', TEAM);
    const teamEvent = (eventType: string) => ({ tenant: { id: general.tenantId }, team: { id: TEAM, name: 'Zorgteam Noord' }, eventType });
    expect((await t.send({ ...botAdded(general, members[0]!), membersAdded: undefined, membersRemoved: [BOT], channelData: teamEvent('teamMemberRemoved') })).status).toBe(200);
    expect((await stored()).pausedAt).toBeDefined();

    t.clock.set('2026-11-21T10:00:00Z');
    const added = { ...botAdded(general, members[0]!), channelData: teamEvent('teamMemberAdded') };
    const greetings = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === TEAM && c.activity.attachments?.length).length;
    const first = await t.proxy!.withFaults(
      (req) => (req.kind === 'query' && req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined),
      () => t.send(added),
    );
    await t.app.outbox.drain(30_000);
    expect({ status: first.status, stillPaused: Boolean((await stored()).pausedAt), greetings: greetings() }).toEqual({ status: 503, stillPaused: true, greetings: 0 });

    // Teams delivers the re-add again (the same activity), and once more as if an answer came late.
    expect((await t.send(added)).status).toBe(200);
    expect((await stored()).pausedAt).toBeUndefined();
    expect((await t.send(added)).status).toBe(200);
    await t.app.outbox.drain(30_000);
    expect(greetings()).toBe(1);
  }, 60_000);
});
