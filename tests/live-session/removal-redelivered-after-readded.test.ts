/**
 * Found in review, stop 68 (probe grp-removal-redelivered-after-readded). Eva is removed from the group's chat. That update's group write
 * lands but her index write fails, so the turn answers 503 and Teams will deliver it again (as
 * the app asks: chat-members.handlers.ts). Before it does, Eva is added back to the chat and
 * answers on the session card: she is a member again, told it is saved. Then Teams delivers the
 * old removal again. What must hold (README: Teams redelivers activities; "a redelivered update
 * finds them gone and writes nothing"): an old removal delivered again does not undo the later
 * return, so Eva, who is in the chat and just answered, stays in the group.
 */
import { execute, membersRemoved, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { membershipIndexId } from '../../src/domain/week-cycle/membership-index';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];

describe('a removal from the chat delivered again after the member came back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  it('leaves Eva in the group she rejoined', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:grp-removal-redelivered@thread.v2'), [anna, bram, cem, dewi, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    // Stamped when sent: Teams delivers it again with the same stamp.
    const removal = { ...membersRemoved(g.conv, anna, [eva]), timestamp: t.clock.now().toISOString() };
    t.connector.roster = [anna, bram, cem, dewi];
    const evaIndex = membershipIndexId(eva.aadObjectId);
    const first = await t.proxy!.withFaults((req) => (req.container === 'personal' && req.kind === 'replace' && req.path.includes(evaIndex) ? { kind: 'status', status: 503 } : undefined), () => t.send(removal));
    t.clock.advanceMinutes(2);
    t.connector.roster = [anna, bram, cem, dewi, eva];
    const answered = await t.send(execute(g.conv, eva, 'session.contribute', { ...g.ids(), questionId: 1, text: 'EVA-TERUG overdracht' }, g.sessionMessageId));
    const members = async () => ((await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] }).members.map((m) => m.id);
    const backIn = (await members()).includes(eva.aadObjectId);
    t.clock.advanceMinutes(1);
    const again = await t.send(removal);
    expect({ firstStatus: first.status, answeredSaved: /EVA-TERUG/.test(cardText(answered.body?.value)), backIn, againStatus: again.status, stillIn: (await members()).includes(eva.aadObjectId) }).toEqual({
      firstStatus: 503,
      answeredSaved: true,
      backIn: true,
      againStatus: 200,
      stillIn: true,
    });
  }, 180_000);
});
