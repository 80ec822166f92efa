/**
 * The decision's tally is recounted from the stored judgements by any redelivered decide or judge
 * press (recountIfLate). An erasure rewrites a judge's judgement anonymously: an anonymous copy
 * and the original's removal. Were they two writes, a recount in between would see both and count
 * the judgement twice; they are one transaction, and the tally never changes.
 */
import { judgementId } from '../../src/domain/proposal/proposal';
import { TestUser } from '../support/activities';
import { cosmosGate, deleteOf } from '../support/cosmos-gate';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { isNormalCard } from '../live-session/support';
import { eraseInChat } from '../verantwoording/support';
import { judgementsOf, proposalOf } from '../live-session/race-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe('a decision redelivered while a judge\'s erasure rewrites their judgement', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    gate = cosmosGate(t.proxy!);
  });
  afterAll(() => t.stop());


  it('decision press redelivered while the anonymous copy and the delete of the original are on their way: the tally is never double counted', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-recount-erasure@thread.v2'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const [who, opinion] of [[anna, 'agree'], [bram, 'agree'], [cem, 'disagree']] as const) await g.press(who, 'proposal.judge', { ...g.ids(), opinion, reason: 'Goed' });
    const decide = { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' };
    expect(isNormalCard(await g.press(dewi, 'proposal.decide', decide, g.sessionMessageId, 'probe-decide-1'))).toBe(true);
    const tally = { agree: 2, doubt: 0, disagree: 1 };
    expect((await proposalOf(t, g)).decision.judged).toEqual(tally);

    // Cem erases his data; the swap of his judgement for its anonymous copy (the delete of the
    // original, or the transaction that holds it) waits.
    const original = judgementId(`${g.groupId}_w1_p`, cem.aadObjectId);
    const held = gate.hold((req) => deleteOf(original)(req) || (req.method === 'POST' && String(req.headers['x-ms-cosmos-is-batch-request']) === 'true'));
    const erased = eraseInChat(t, cem);
    await held.arrived;
    // Teams delivers Dewi's decision press again (same activity).
    expect(isNormalCard(await g.press(dewi, 'proposal.decide', decide, g.sessionMessageId, 'probe-decide-1'))).toBe(true);
    const during = (await proposalOf(t, g)).decision.judged;
    held.release();
    await erased;

    const stored = await judgementsOf(t, g);
    const after = (await proposalOf(t, g)).decision.judged;
    expect({ during, after, judgementsStored: stored.length }).toEqual({ during: tally, after: tally, judgementsStored: 3 });
  });
});
