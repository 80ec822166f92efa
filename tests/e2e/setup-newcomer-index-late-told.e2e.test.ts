/**
 * Found in review, stop 68 (G4, from stop 67's own report). Anna saves the setup form again and
 * adds Eva. Eva's membership index write is answered after its save window (a slow store, no
 * erasure): it is taken back, and the group does not name her. What must hold (no lost or refused
 * input): the rest of the save stands, and Anna is told, without a word of why, that Eva could not
 * be added, in the form that still holds her picks, so saving it again adds Eva.
 */
import { TestUser } from '../support/activities';
import { holdFirst } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TEST_SAVE_WINDOW_MS, TestApp } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { membershipIndexId } from '../../src/domain/week-cycle/membership-index';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ids = (members: TestUser[]) => members.map((m) => m.aadObjectId).join(',');

describe("a setup save adding Eva, her index write answered after its window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('saves the rest, and the form comes back saying Eva could not be added, holding her pick', async () => {
    // Eva is in another group already: her index exists, and her write to it is a replace.
    await new GroupDriver(t, t.conversation('groupChat', '19:setup-late-other@thread.v2'), [anna, bram, cem, eva]).setUp();
    const g = new GroupDriver(t, t.conversation('groupChat', '19:setup-late-index@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    t.connector.roster = [anna, bram, cem, dewi, eva];
    const evaIndex = membershipIndexId(eva.aadObjectId);
    const hold = holdFirst((req) => req.container === 'personal' && req.kind === 'replace' && req.path.includes(evaIndex));
    const form = { name: 'Team Zorg', members: ids([anna, bram, cem, dewi, eva]), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' };
    let answer = '';
    await t.proxy!.withFaults(hold.rule, async () => {
      const save = g.press(anna, 'group.setup.save', form, 'setup-card');
      await hold.held;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      answer = cardText((await save).value);
    });
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { name: string; members: { id: string }[] };
    const index = (await t.store.container('personal').item(evaIndex, eva.aadObjectId).read()).resource as { groups: Record<string, { member: boolean }> };
    expect({
      name: group.name,
      evaInGroup: group.members.some((m) => m.id === eva.aadObjectId),
      evaIndexed: index.groups[g.groupId]?.member ?? false,
      told: answer.includes('Niet iedereen kon worden toegevoegd: Eva.'),
      wordOfErasure: /wis/i.test(answer),
    }).toEqual({ name: 'Team Zorg', evaInGroup: false, evaIndexed: false, told: true, wordOfErasure: false });
    // The form again, as it came back (Eva still picked): she is added.
    await g.press(anna, 'group.setup.save', form, 'setup-card');
    const after = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] };
    expect(after.members.some((m) => m.id === eva.aadObjectId)).toBe(true);
  }, 180_000);
});
