import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';
import { membersAdded, membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of this stop's own change (stop 33): a presence or check-in names no press, so
 * one found stored is not proof of a redelivery.
 *
 * "Someone who acts in the chat again later joins again, as anyone new does" (membership.ts).
 * Eva says "Ik ben erbij", is removed from the chat, is added back to it, and presses "Ik ben
 * erbij" again: a NEW press (its own activity id and card key), not Teams redelivering the old
 * one. She joins the group again (and counts as present for the decision, and her
 * "Vernieuwen" shows the live card). addOwnItem found her presence of before the
 * removal stored (presenceId is per session and member, no key) and returned without
 * ensureMember: she stayed out of the group, presentForDecision left her out, and her refresh
 * then answered "Je bent geen lid meer van deze groep" right after she said she is there.
 * The same held for a second energy check-in (checkInId is per member and phase).
 */
describe('a member added back to the chat says "ik ben erbij" again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('joins the group again with that new press', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-present-again@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.press(eva, 'session.present', { ...g.ids(), k: 'card-key-1' });

    expect((await t.send(membersRemoved(g.conv, anna, [eva]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    const groups = new CosmosGroupRepository(t.store);
    expect((await groups.get(g.groupId))!.members.map((m) => m.id)).not.toContain(eva.aadObjectId);

    // Back in the chat; a new press of her own (another activity, another card key).
    expect((await t.send(membersAdded(g.conv, anna, [eva]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem, eva];
    await g.press(eva, 'session.present', { ...g.ids(), k: 'card-key-2' });

    expect((await groups.get(g.groupId))!.members.map((m) => m.id)).toContain(eva.aadObjectId);
    const refreshed = await g.press(eva, 'session.refresh', { ...g.ids(), k: 'card-key-3' });
    expect(JSON.stringify(refreshed)).not.toContain('Je bent geen lid meer van deze groep');
  });
});
