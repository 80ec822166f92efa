/**
 * Stop 67, with the fix for a newcomer's join that lands after her erasure: her membership index
 * is written within a save window, and a write answered after it is taken back (the join refused).
 * Here no erasure runs: the store is only slow. Dewi is a member of one group already, so her
 * index exists and the join is a replace of it. What must hold: taking the late join back removes
 * only that group's entry (the index, which leads her verantwoording and erasure to her first
 * group, stays as it was), she is in the second group's member list nowhere, the refusal says
 * nothing was stored, and pressing again joins her (index and group both).
 */
import { holdFirst } from '../support/cosmos-proxy';
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe("a newcomer's join answered after its save window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const membersOf = async (groupId: string) => {
    const { resources } = await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'group' AND c.id = @id", parameters: [{ name: '@id', value: groupId }] }).fetchAll();
    return (resources[0] as { members: { id: string }[] }).members.map((m) => m.id);
  };
  const indexOf = async (who: TestUser) => {
    const { resources } = await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'membershipIndex' AND c.userId = @u", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll();
    const groups = (resources[0] as { groups: Record<string, { member: boolean }> } | undefined)?.groups ?? {};
    return Object.fromEntries(Object.entries(groups).map(([id, e]) => [id, e.member]));
  };

  it('takes back only that join, and a press again joins her', async () => {
    const first = new GroupDriver(t, t.conversation('groupChat', '19:late-join-first@thread.v2'), [anna, bram, cem, dewi]);
    await first.setUp();
    const second = new GroupDriver(t, t.conversation('groupChat', '19:late-join-second@thread.v2'), [anna, bram, cem]);
    await second.setUp();
    await second.startCycle();
    await second.startSession();
    t.connector.roster = [anna, bram, cem, dewi];
    expect(await indexOf(dewi)).toEqual({ [first.groupId]: true });

    const holdIndexWrite = holdFirst((req) => (req.kind === 'replace' || req.kind === 'create') && req.container === 'personal');
    await t.proxy!.withFaults(holdIndexWrite.rule, async () => {
      const press = second.press(dewi, 'session.contribute', { ...second.ids(), questionId: 1, text: 'Eerste keer mee' });
      await holdIndexWrite.held;
      // The store answers after the window: no erasure, only slow.
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      holdIndexWrite.open();
      expect(cardText((await press).value)).toContain('Het opslaan duurde te lang, dus er is niets bewaard.');
    });
    expect({ index: await indexOf(dewi), inSecond: (await membersOf(second.groupId)).includes(dewi.aadObjectId) }).toEqual({ index: { [first.groupId]: true }, inSecond: false });

    const again = await second.press(dewi, 'session.contribute', { ...second.ids(), questionId: 1, text: 'Eerste keer mee' });
    expect(cardText(again.value)).not.toContain('Dat lukte niet');
    expect({ index: await indexOf(dewi), inSecond: (await membersOf(second.groupId)).includes(dewi.aadObjectId) }).toEqual({ index: { [first.groupId]: true, [second.groupId]: true }, inSecond: true });
  }, 180_000);
});
