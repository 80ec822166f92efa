import { membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { startWithEvasManager, tabAs } from './removed-member';

/**
 * A member removed from the group's chat in the middle of a week. Who leaves the chat leaves the
 * group, and their old card's refresh gets "a message, not what the group wrote since". But their
 * tab (overview, export) and their manager's prep card showed what the group decided after the
 * removal (the proposal text, the reason, the first step): the group's, written without them.
 * A proposal shows for them as it stood when they left now. Found in review, stop 35.
 */
describe('the tab of a member removed mid-week shows nothing the group wrote after the removal', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  const AFTER_TEXT = 'NA-VERWIJDERING-voorstel: Eva niet meer inroosteren op nacht';
  const AFTER_REASON = 'NA-VERWIJDERING-reden: besproken zonder Eva';
  const AFTER_STEP = 'NA-VERWIJDERING-stap: rooster aanpassen';
  const AFTER_ANSWER = 'NA-VERWIJDERING-antwoord-4';

  const tab = (userId: string, path: string, method = 'GET', body?: unknown) => tabAs(t, userId, path, method, body);

  beforeAll(async () => {
    t = await startWithEvasManager();
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-removed-midweek@thread.v2'), [anna, bram, cem, dewi, eva]);
    await g.setUp();
    await g.startCycle();
    // Day 1: Eva takes part and writes the first answer of the week.
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await g.contribute(eva, 1, 'Eva: de nachtdienst');
    await g.end();
    // Eva is removed from the group's chat.
    const res = await t.send(membersRemoved(g.conv, anna, [{ id: eva.id, aadObjectId: eva.aadObjectId, name: eva.name }]));
    expect(res.status).toBe(200);
    // The group goes on without her: day 2, day 3 with its decision.
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.contribute(dewi, 4, AFTER_ANSWER);
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    for (const m of [anna, bram, cem, dewi]) await g.checkIn(m, 4);
    await g.contribute(bram, 6, 'Eigen voorstel');
    await g.goTo(bram, 1);
    const proposalId = `${g.sessionId.replace(/_s3$/, '')}_p`;
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'ok' });
    await g.press(dewi, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: AFTER_REASON, adoptedText: AFTER_TEXT, firstStep: AFTER_STEP });
    await g.end();
    // The members see it in their own overview (the set-up works).
    expect((await tab('aad-anna', '')).text).toContain(AFTER_TEXT);
  }, 180_000);
  afterAll(() => t.stop());

  it('her overview keeps her week but not the decision the group made after she was removed', async () => {
    const res = await tab('aad-eva', '');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Team Zorg');
    for (const secret of [AFTER_TEXT, AFTER_REASON, AFTER_STEP]) expect({ secret, shown: res.text.includes(secret) }).toEqual({ secret, shown: false });
  });

  it('her export ("mijn gegevens") has none of it either', async () => {
    const res = await tab('aad-eva', '/export');
    expect(res.status).toBe(200);
    for (const secret of [AFTER_TEXT, AFTER_REASON, AFTER_STEP, AFTER_ANSWER]) expect({ secret, shown: res.text.includes(secret) }).toEqual({ secret, shown: false });
  });

  it('sharing her week with her manager does not put the group\'s later decision on the manager\'s prep card (her preview)', async () => {
    const week = JSON.parse((await tab('aad-eva', '')).text).cycles[0];
    expect((await tab('aad-eva', '/visibility', 'PUT', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared' })).status).toBe(200);
    const res = await tab('aad-eva', '/preview');
    expect(res.status).toBe(200);
    for (const secret of [AFTER_TEXT, AFTER_REASON, AFTER_STEP]) expect({ secret, shown: res.text.includes(secret) }).toEqual({ secret, shown: false });
  });
});
