/**
 * "Differencing across erasure", with the timing an adversary would wait for: a member erases
 * their data while another member's step closes an energy round with their score. Whichever
 * lands first, no published average may be left that was made with a check-in that is gone:
 * answers x average minus the stored scores would give the erased member's score to a database
 * reader (see erasure-energy-rounds.test.ts for the same attack without the race).
 */
import { checkInId } from '../../src/domain/week-cycle/session-items';
import { TestUser } from '../support/activities';
import { cosmosGate, deleteOf, stepWriteOf } from '../support/cosmos-gate';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/** Each published round against the check-ins stored beside it: a round whose answers are not all stored gives the missing score away. */
async function roundsAgainstStored(g: GroupDriver) {
  const s = await g.session();
  const stored = await g.items('checkIn');
  return (['in', 'out'] as const).map((phase) => ({
    phase,
    published: s.energy[phase].average !== undefined,
    answers: s.energy[phase].answers ?? 0,
    stored: stored.filter((c) => c.phase === phase).length,
  }));
}

describe('an energy round closing while a member erases their data', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    gate = cosmosGate(t.proxy!);
  });
  afterAll(() => t.stop());

  /** A fresh group: four members checked in (Dewi's score 1), the opening round still open. */
  async function checkedIn() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:erasure-race-${n++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const [who, score] of [[anna, 2], [bram, 5], [cem, 4], [dewi, 1]] as const) await g.checkIn(who, score);
    return g;
  }

  it('the step read Dewi\'s check-in, her erasure ran to the end, then the step wrote: no average with her score is published', async () => {
    const g = await checkedIn();
    // Anna's "Volgende" has read the four check-ins; its write (which closes the round) waits.
    const held = gate.hold(stepWriteOf(g.sessionId));
    const moved = g.goTo(anna, 1);
    await held.arrived;
    await eraseInChat(t, dewi);
    held.release();
    await moved;
    expect((await g.items('checkIn')).some((c) => c.memberId === dewi.aadObjectId)).toBe(false);
    const [opening] = await roundsAgainstStored(g);
    // Published from the three scores stored (2, 5, 4), or not at all: never from four with one gone.
    expect(opening).toEqual({ phase: 'in', published: true, answers: 3, stored: 3 });
    expect((await g.session()).energy.in.average).toBe(3.7);
  });

  it('her erasure read the open round, the step published it with her score, then her check-in was deleted: the average is withdrawn', async () => {
    const g = await checkedIn();
    const dewisCheckIn = checkInId(g.sessionId, 'in', dewi.aadObjectId);
    const held = gate.hold(deleteOf(dewisCheckIn));
    const erased = eraseInChat(t, dewi);
    await held.arrived;
    await g.goTo(anna, 1);
    expect((await g.session()).energy.in).toMatchObject({ average: 3, answers: 4 }); // published with Dewi's 1
    held.release();
    await erased;
    expect((await g.items('checkIn')).some((c) => c.memberId === dewi.aadObjectId)).toBe(false);
    const s = await g.session();
    expect(s.energy.in).toEqual({ closedAt: expect.any(String), withdrawn: true });
    for (const round of await roundsAgainstStored(g)) if (round.published) expect(round.answers).toBe(round.stored);
  });
});
