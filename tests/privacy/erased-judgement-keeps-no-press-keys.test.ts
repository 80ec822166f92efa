/**
 * Found in review, stop 47. An erased member's judgement stays with the group as an anonymous copy
 * (verdict and reason, no name). The copy kept the judgement's press keys, which are hashes of the
 * card's press key and the member's id (`judgementPressKey`): a database reader holding a card the
 * member pressed (its key travels in Teams) could hash candidate ids with it and find which copy
 * was theirs. Must hold: the anonymous copy keeps no press keys; the other members' judgements keep
 * theirs (they still guard against Teams redelivering a press).
 */
import { execute, TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { judgementsOf } from '../live-session/race-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe("an erased member's anonymous judgement", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  it('keeps no press keys that a hash of their id could be tested against', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:erased-judgement-keys@thread.v2'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    expect((await t.send(execute(g.conv, bram, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Te duur' }, g.sessionMessageId, 'bram-judge-1'))).status).toBe(200);
    const before = await judgementsOf(t, g);
    // Both stored with their press keys.
    expect(before.map((j: { keys?: string[] }) => (j.keys ?? []).length > 0)).toEqual([true, true]);

    await eraseInChat(t, bram);
    const after = await judgementsOf(t, g);
    const anonymous = after.filter((j: { memberId: string }) => j.memberId !== anna.aadObjectId);
    expect(anonymous.map((j: { opinion: string; keys?: string[] }) => ({ opinion: j.opinion, keys: j.keys }))).toEqual([{ opinion: 'disagree', keys: undefined }]);
    expect(after.find((j: { memberId: string }) => j.memberId === anna.aadObjectId)?.keys?.length).toBeGreaterThan(0);
  });
});
