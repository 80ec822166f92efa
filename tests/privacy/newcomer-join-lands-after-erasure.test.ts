/**
 * Found in review, stop 67. Dewi is in the group's chat but was not picked at setup; her first
 * press (an answer on the session card) makes her a member: her membership index first, then the
 * group (ensureMember). The index's write is held on its way to the store while she erases her
 * data in her 1:1 chat and is told "Je gegevens zijn gewist"; then it lands. The erasure did not
 * mark this group (her index did not name it yet). What must hold (README, erasure steps 2 and 6:
 * an activity sent before the erasure joins nobody): the index write keeps to a save window, so
 * answered after it, it is taken back and the join refused: she is in no member list, her words
 * are stored nowhere, and no membership index (which never expires) is left.
 */
import { holdFirst } from '../support/cosmos-proxy';
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const WORDS = 'DEWI-WOORDEN over de overdracht';

describe("a newcomer's first press whose writes land after her erasure said \"gewist\"", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('leaves no member, index or words of hers', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:er-newcomer@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    t.connector.roster = [anna, bram, cem, dewi];
    let armed = false;
    const hold = holdFirst((req) => armed && (req.kind === 'create' || req.kind === 'replace' || req.kind === 'upsert') && req.container === 'personal');
    await t.proxy!.withFaults(hold.rule, async () => {
      armed = true;
      const press = g.press(dewi, 'session.contribute', { ...g.ids(), questionId: 1, text: WORDS });
      await hold.held;
      await eraseInChat(t, dewi);
      hold.open();
      expect(cardText((await press).value)).toContain('Het opslaan duurde te lang, dus er is niets bewaard.');
    });
    expect(await naming(t, ['aad-dewi', '29:dewi', 'Dewi', 'DEWI-WOORDEN'])).toEqual([]);
  }, 180_000);
});
