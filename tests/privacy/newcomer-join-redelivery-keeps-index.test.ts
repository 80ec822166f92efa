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
import { execute, TestUser } from '../support/activities';
import { CosmosFaultRule, holdFirst } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const REFUSED = /niets bewaard|lukte niet|probeer het/i;

describe("a newcomer's first press delivered twice, the first copy's index write answered late", () => {
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

  it('keeps her index naming the group she was answered as joined to, and her erasure takes her off', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:own2-redelivered-join@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    t.connector.roster = [anna, bram, cem, dewi];
    const press = execute(g.conv, dewi, 'session.contribute', { ...g.ids(), questionId: 1, text: 'DEWI-WOORDEN overdracht' }, g.sessionMessageId, 'act-dewi-first');
    let dropped = false;
    const hold = holdFirst(() => dropped);
    const rule: CosmosFaultRule = (req) => {
      if (req.container !== 'personal' || req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
      if (!dropped && req.kind === 'create') return (dropped = true), { kind: 'dropAfter' };
      return hold.rule(req);
    };
    let said: { first: boolean; again: boolean } | undefined;
    await t.proxy!.withFaults(rule, async () => {
      const first = t.send(press);
      await hold.held;
      t.clock.advanceMinutes(1);
      const again = await t.send(press);
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      const late = await first;
      said = { first: REFUSED.test(cardText(late.body?.value)), again: REFUSED.test(cardText(again.body?.value)) };
    });
    const joined = { member: (await membersOf(g.groupId)).includes(dewi.aadObjectId), indexNamesGroup: await indexNames(dewi, g.groupId) };
    t.clock.advanceMinutes(1);
    await eraseInChat(t, dewi);
    await t.app.outbox.drain(30_000);
    expect({ said, joined, leftAfterErasure: await naming(t, ['aad-dewi', '29:dewi']) }).toEqual({
      said: { first: true, again: false },
      joined: { member: true, indexNamesGroup: true },
      leftAfterErasure: [],
    });
  }, 180_000);
});
