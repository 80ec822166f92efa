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
import { execute, TestUser } from '../support/activities';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { eraseInChat } from '../verantwoording/support';
import { naming } from '../privacy/support/rights-scenario';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const REFUSED = /niets bewaard|lukte niet|probeer het/i;

describe("a newcomer's press delivered twice, the second copy's re-stamp answered late", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const membersOf = async (groupId: string) => {
    const { resources } = await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'group' AND c.id = @id", parameters: [{ name: '@id', value: groupId }] }).fetchAll();
    return (resources[0] as { members: { id: string }[] }).members.map((m) => m.id);
  };
  const indexNames = async (who: TestUser, groupId: string) => {
    const { resources } = await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'membershipIndex' AND c.userId = @u", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll();
    return !!(resources[0] as { groups: Record<string, unknown> } | undefined)?.groups[groupId];
  };

  it('keeps her index naming the group the first copy joined her to, and her erasure takes her off', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:own4-restamp-late@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    t.connector.roster = [anna, bram, cem, dewi];
    const press = execute(g.conv, dewi, 'session.contribute', { ...g.ids(), questionId: 1, text: 'DEWI-WOORDEN restamp' }, g.sessionMessageId, 'act-dewi-restamp');
    let openA!: () => void;
    let openB!: () => void;
    let heldA!: () => void;
    let heldB!: () => void;
    const gateA = new Promise<void>((r) => (openA = r));
    const gateB = new Promise<void>((r) => (openB = r));
    const aHeld = new Promise<void>((r) => (heldA = r));
    const bHeld = new Promise<void>((r) => (heldB = r));
    let phase = 0;
    const writes = ['replace', 'batch', 'upsert', 'create'];
    const rule: CosmosFaultRule = (req) => {
      if (req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
      if (phase === 0 && req.container === 'personal' && req.kind === 'create') return (phase = 1), undefined; // A's index create
      if (phase === 1 && req.container === 'sessions' && writes.includes(req.kind)) return (phase = 2), heldA(), { kind: 'hold', until: gateA };
      if (phase === 2 && req.container === 'personal' && req.kind === 'replace') return (phase = 3), heldB(), { kind: 'hold', until: gateB };
      return undefined;
    };
    let said: { first: boolean; again: boolean } | undefined;
    await t.proxy!.withFaults(rule, async () => {
      const first = t.send(press);
      await aHeld;
      t.clock.advanceMinutes(1);
      const again = t.send(press);
      await bHeld;
      openA();
      const a = await first;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      openB();
      const b = await again;
      said = { first: REFUSED.test(cardText(a.body?.value)), again: REFUSED.test(cardText(b.body?.value)) };
    });
    const joined = { member: (await membersOf(g.groupId)).includes(dewi.aadObjectId), indexNamesGroup: await indexNames(dewi, g.groupId) };
    t.clock.advanceMinutes(1);
    await eraseInChat(t, dewi);
    await t.app.outbox.drain(30_000);
    expect({ phase, said, joined, leftAfterErasure: await naming(t, ['aad-dewi', '29:dewi']) }).toEqual({
      phase: 3,
      said: { first: false, again: true },
      joined: { member: true, indexNamesGroup: true },
      leftAfterErasure: [],
    });
  }, 180_000);
});
