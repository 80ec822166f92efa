/**
 * Found in review, stop 67. Dewi's first press (not picked at setup). Her index write keeps
 * to its window now and lands in time; the group's write that makes her a member is held on its way
 * (a throttled, retried replace). Her erasure finds the group by the index, takes it through and
 * lets go of it (unmarked) and says "gewist"; then the held replace lands: refused on its ETag, the
 * store re-reads the group, and the join's `mutate` checks "sent before the latest erasure" again
 * (ensureMember checked it on the group as first read only before).
 * What must hold (README erasure steps 2 and 6: an activity sent before the erasure joins nobody):
 * nothing names her after "gewist".
 */
import { execute, TestUser } from '../support/activities';
import { holdFirst } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe("a newcomer's group write landing after her erasure said 'gewist'", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('leaves nothing naming her', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:own2-newcomer-group-write@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    t.connector.roster = [anna, bram, cem, dewi];
    let armed = false;
    const hold = holdFirst((req) => armed && req.container === 'sessions' && req.kind === 'replace' && req.path.endsWith(`/docs/${g.groupId}`));
    await t.proxy!.withFaults(hold.rule, async () => {
      armed = true;
      const press = t.send(execute(g.conv, dewi, 'session.contribute', { ...g.ids(), questionId: 1, text: 'DEWI-WOORDEN overdracht' }, g.sessionMessageId));
      await hold.held;
      armed = false;
      await eraseInChat(t, dewi);
      hold.open();
      await press;
    });
    await t.app.outbox.drain(30_000);
    expect({ left: await naming(t, ['aad-dewi', '29:dewi', 'DEWI-WOORDEN']) }).toEqual({ left: [] });
  }, 180_000);
});
