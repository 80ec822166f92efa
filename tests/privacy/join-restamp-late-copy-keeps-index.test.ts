/**
 * Found in own review, stop 67 (round 4), of bfb24878 `withJoinStampedAt` the other way round.
 * Dewi (in the chat, not picked at setup) presses on the session card (A). A's index write lands
 * and is answered in time; A's group write is slow on its way. Teams delivers the press again (B):
 * the group does not list her yet, so B re-stamps her index entry with its own `at` (new in stop
 * 67: before, `withMembership` found the entry and wrote nothing). B's write is answered after B's
 * window, so B takes back "its" join: the entry now carries B's `at`, so `withoutJoin` removes it.
 * A's group write lands and A is answered as joined. She is a member whose index does not name
 * the group: her erasure, which starts from the index, leaves her on the member list.
 */
import { CosmosFaultRule, holdFirst } from '../support/cosmos-proxy';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { newcomersFirstPress } from './support/newcomer-press';

describe("a newcomer's press delivered twice, the second copy's re-stamp answered late", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('keeps her index naming the group the first copy joined her to, and her erasure takes her off', async () => {
    const dewi = await newcomersFirstPress(t, '19:own4-restamp-late@thread.v2', 'DEWI-WOORDEN restamp', 'act-dewi-restamp');
    let phase = 0;
    const writes = ['replace', 'batch', 'upsert', 'create'];
    const holdA = holdFirst((req) => phase === 1 && req.container === 'sessions' && writes.includes(req.kind)); // A's group write
    const holdB = holdFirst((req) => phase === 2 && req.container === 'personal' && req.kind === 'replace'); // B's re-stamp
    const rule: CosmosFaultRule = (req) => {
      if (req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
      if (phase === 0 && req.container === 'personal' && req.kind === 'create') return (phase = 1), undefined; // A's index create
      const heldA = holdA.rule(req);
      if (heldA) return (phase = 2), heldA;
      const heldB = holdB.rule(req);
      if (heldB) return (phase = 3), heldB;
      return undefined;
    };
    let said: { first: boolean; again: boolean } | undefined;
    await t.proxy!.withFaults(rule, async () => {
      const first = t.send(dewi.press);
      await holdA.held;
      t.clock.advanceMinutes(1);
      const again = t.send(dewi.press);
      await holdB.held;
      holdA.open();
      const a = await first;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      holdB.open();
      const b = await again;
      said = { first: dewi.refused(a), again: dewi.refused(b) };
    });
    const joined = await dewi.joined();
    expect({ phase, said, joined, leftAfterErasure: await dewi.leftAfterErasure() }).toEqual({
      phase: 3,
      said: { first: false, again: true },
      joined: { member: true, indexNamesGroup: true },
      leftAfterErasure: [],
    });
  }, 180_000);
});
