import { membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { startWithEvasManager, tabAs } from './removed-member';

/**
 * The other side of removed-member-later-decision.test.ts: Eva takes part all week, checks in on
 * day 3, judges the proposal, and the group (Dewi) decides it while she is there. A day later she
 * is removed from the chat. Her tab showed the decision, but her prep card (preview, and so her
 * manager's card) did not: it took her last own action as the moment she left, not her index.
 * Found in the review of that change, stop 35.
 */
describe('someone removed after the group decided, with her there', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  const DECIDED = 'BESLOTEN-MET-EVA: overdracht op papier';
  const STEP = 'STAP-MET-EVA: formulier maken';

  const tab = (userId: string, path: string, method = 'GET', body?: unknown) => tabAs(t, userId, path, method, body);

  beforeAll(async () => {
    t = await startWithEvasManager();
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-left-after-decision@thread.v2'), [anna, bram, cem, dewi, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await g.contribute(eva, 1, 'Eva: de overdracht');
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await g.contribute(bram, 6, 'Eigen voorstel');
    await g.goTo(bram, 1);
    const proposalId = `${g.sessionId.replace(/_s3$/, '')}_p`;
    for (const who of [eva, anna, bram, cem]) {
      t.clock.advanceMinutes(1);
      await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'ok' });
    }
    t.clock.advanceMinutes(1);
    await g.press(dewi, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'samen besloten', adoptedText: DECIDED, firstStep: STEP });
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: eva.id, aadObjectId: eva.aadObjectId, name: eva.name }]))).status).toBe(200);
    t.clock.advanceMinutes(60);
  }, 180_000);
  afterAll(() => t.stop());

  it('her tab shows the decision taken while she was a member', async () => {
    const res = await tab('aad-eva', '');
    expect(res.status).toBe(200);
    expect(res.text.includes(DECIDED)).toBe(true);
  });

  it('her prep-card preview shows it too (the same as her tab)', async () => {
    const week = JSON.parse((await tab('aad-eva', '')).text).cycles[0];
    expect((await tab('aad-eva', '/visibility', 'PUT', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared' })).status).toBe(200);
    const res = await tab('aad-eva', '/preview');
    expect(res.status).toBe(200);
    // The first step (who does what) stays with the group since stop 49: never on a prep card.
    expect({ decided: res.text.includes(DECIDED), step: res.text.includes(STEP) }).toEqual({ decided: true, step: false });
  });
});
