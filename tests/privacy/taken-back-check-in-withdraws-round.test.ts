/**
 * Found in review, stop 42. Bram presses "Inchecken" (score 1) and the store is slow to save it.
 * Meanwhile he erases his data, and the erasure runs to the end: it never sees that check-in.
 * Then the save lands; his turn finds him no member and takes the check-in back (deletes it). In
 * the moment between the save and that delete, Anna presses "Volgende vraag": the opening round
 * closes with Bram's score in its average (the check-in was stored). The average stood with four
 * answers and three stored scores, so a database reader computed Bram's score (4 x 3.0 - 11 = 1).
 *
 * What must hold: a round that counted a check-in that is taken back is withdrawn, as an erasure
 * withdraws one (erasure-round-race.test.ts), ETag-guarded on the session and before the check-in
 * is gone; also when the round closes between the take-back's read of the session and its write.
 * (A member removed from the chat whose save was under way takes the same path.)
 */
import type { IncomingMessage } from 'node:http';
import { checkInId } from '../../src/domain/week-cycle/session-items';
import { TestUser, user } from '../support/activities';
import { cosmosGate, deleteOf, isBatch, isMemberWrite } from '../support/cosmos-gate';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';

const [anna, bram, cem, dewi] = ['AnnaT', 'BramT', 'CemT', 'DewiT'].map(user) as [TestUser, TestUser, TestUser, TestUser];

const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
/** A read of the session document itself (not a query). */
const sessionReadOf = (sessionId: string) => (req: IncomingMessage) => req.method === 'GET' && path(req).endsWith(`/docs/${sessionId}`);
/** A transactional batch written to the store. */
const batchWrite = (req: IncomingMessage) => req.method === 'POST' && isBatch(req);

describe('a check-in taken back after its round counted it', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    gate = cosmosGate(t.proxy!);
  });
  afterAll(() => t.stop());

  /**
   * A fresh group: Anna, Cem and Dewi checked in (2, 5, 4); Bram's check-in (1) saved after his
   * erasure ran to the end. `takeBackStep` picks the request of his turn that waits while Anna
   * closes the opening round (which the store then holds with his check-in).
   */
  async function roundClosedDuringTakeBack(takeBackStep: (sessionId: string, checkIn: string) => (req: IncomingMessage) => boolean) {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:takeback-${n++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const [who, score] of [[anna, 2], [cem, 5], [dewi, 4]] as const) await g.checkIn(who, score);

    const bramsCheckIn = checkInId(g.sessionId, 'in', bram.aadObjectId);
    const write = gate.hold(isMemberWrite);
    const press = g.checkIn(bram, 1);
    await write.arrived;
    await eraseInChat(t, bram);
    const takeBack = gate.hold(takeBackStep(g.sessionId, bramsCheckIn));
    write.release();
    await takeBack.arrived;
    await g.goTo(anna, 1);
    // Published with Bram's score, while his check-in is stored.
    expect((await g.session()).energy.in).toMatchObject({ average: 3, answers: 4 });
    expect((await g.items('checkIn')).some((c) => c.id === bramsCheckIn)).toBe(true);
    takeBack.release();
    await press;
    return g;
  }

  /** The opening round against the scores stored beside it, and what a database reader could compute from them. */
  async function openingAgainstStored(g: GroupDriver) {
    const round = (await g.session()).energy.in;
    const stored = (await g.items('checkIn')).filter((c) => c.phase === 'in');
    const recoverable = round.average !== undefined ? Math.round(round.average * round.answers - stored.reduce((sum: number, c: { score: number }) => sum + c.score, 0)) : undefined;
    return { round, storedScores: stored.map((c) => c.score).sort(), bramsScoreFromDatabase: recoverable };
  }

  it('withdraws the round when it closed before the take-back read the session', async () => {
    // (The code before this fix read no session here: its delete waits instead.)
    const g = await roundClosedDuringTakeBack((sessionId, checkIn) => (req) => sessionReadOf(sessionId)(req) || deleteOf(checkIn)(req));
    expect(await openingAgainstStored(g)).toEqual({ round: { closedAt: expect.any(String), withdrawn: true }, storedScores: [2, 4, 5], bramsScoreFromDatabase: undefined });
  });

  it('withdraws the round when it closed between the take-back\'s read of the session and its write', async () => {
    // The take-back's write (a batch; before this fix, a plain delete) waits while the round closes.
    const g = await roundClosedDuringTakeBack((_, checkIn) => (req) => batchWrite(req) || deleteOf(checkIn)(req));
    expect(await openingAgainstStored(g)).toEqual({ round: { closedAt: expect.any(String), withdrawn: true }, storedScores: [2, 4, 5], bramsScoreFromDatabase: undefined });
  });
});
