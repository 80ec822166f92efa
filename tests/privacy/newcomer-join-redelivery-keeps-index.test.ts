/**
 * Found in review, stop 67. Dewi (in the chat, not picked at setup) presses on the session
 * card (A). Her membership index's create lands, its answer is lost, and the store's retry is held
 * on its way. A minute later Teams delivers the press again (B): her index names the group, so B
 * writes nothing to it, joins her to the group and is answered. Then A's retry is answered after
 * A's window: `takeBackJoin(at)` finds the entry A wrote (since === A's `at`) and removes it. She is
 * a member whose index does not name the group, so her erasure (which starts from the index) leaves
 * her on the member list after "gewist". What must hold (README erasure; stop 67's join window):
 * a press answered as saved keeps its join; her erasure leaves nothing naming her.
 * The fix: B stamps the entry it finds with its own time (`withJoinStampedAt`), so A's take-back misses it.
 */
import { dropThenHold } from '../support/cosmos-proxy';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { newcomersFirstPress } from './support/newcomer-press';

describe("a newcomer's first press delivered twice, the first copy's index write answered late", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('keeps her index naming the group she was answered as joined to, and her erasure takes her off', async () => {
    const dewi = await newcomersFirstPress(t, '19:own2-redelivered-join@thread.v2', 'DEWI-WOORDEN overdracht', 'act-dewi-first');
    const hold = dropThenHold('personal');
    let said: { first: boolean; again: boolean } | undefined;
    await t.proxy!.withFaults(hold.rule, async () => {
      const first = t.send(dewi.press);
      await hold.held;
      t.clock.advanceMinutes(1);
      const again = await t.send(dewi.press);
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      const late = await first;
      said = { first: dewi.refused(late), again: dewi.refused(again) };
    });
    const joined = await dewi.joined();
    expect({ said, joined, leftAfterErasure: await dewi.leftAfterErasure() }).toEqual({
      said: { first: true, again: false },
      joined: { member: true, indexNamesGroup: true },
      leftAfterErasure: [],
    });
  }, 180_000);
});
