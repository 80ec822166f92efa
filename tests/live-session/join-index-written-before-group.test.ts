import { message, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review (group setup and membership). Eva is in the group's chat but was not picked at
 * setup; she joins by pressing "Ik ben erbij" on the open session. Her join wrote the group record
 * first and her membership index (her own `personal` partition) second: when that second write
 * failed (a 503 burst), the group named her and every later press of hers found her a member and
 * returned early, so her index never named the group. Her verantwoording, export, proposal search
 * and erasure all start from that index.
 *
 * What must hold: a join whose index write fails stores nothing in the group (she gets an error,
 * is not a member yet); pressing again once the store is back makes her a member with the group
 * in her index, and her verantwoording names the group.
 */
describe('a join whose membership index write failed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('leaves the group as it was, and the next press records the group in the new member\'s own index', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:join-index-lost@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    t.connector.roster = [anna, bram, cem, eva];
    await g.startCycle();
    await g.startSession();
    const group = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] };
    const indexedGroups = async () => {
      const { resources } = await t.store
        .container('personal')
        .items.query({ query: "SELECT * FROM c WHERE c.type = 'membershipIndex' AND c.userId = @u", parameters: [{ name: '@u', value: eva.aadObjectId }] })
        .fetchAll();
      return resources.flatMap((d: { groups: Record<string, { member: boolean }> }) => Object.entries(d.groups).filter(([, e]) => e.member).map(([id]) => id));
    };

    // Eva's join: every write to the `personal` container (her membership index) fails meanwhile.
    const failed = await t.proxy!.withFaults(
      (req) => (req.container === 'personal' && ['create', 'upsert', 'replace', 'batch'].includes(req.kind) ? { kind: 'status', status: 503 } : undefined),
      () => g.press(eva, 'session.present', { ...g.ids(), k: 'eva-1' }),
    );
    // An error card, and nothing stored: the group does not name her yet.
    expect(cardText(failed.value)).toContain('Er is niets verloren gegaan');
    expect((await group()).members.map((m) => m.id)).not.toContain(eva.aadObjectId);

    // The store is back; Eva presses again and writes in the session.
    await g.press(eva, 'session.present', { ...g.ids(), k: 'eva-2' });
    expect((await group()).members.map((m) => m.id)).toContain(eva.aadObjectId);
    await g.contribute(eva, 1, 'Eva: de overdracht in de avonddienst loopt mis');
    expect(await indexedGroups()).toContain(g.groupId);

    // What she sees: her verantwoording in her own chat names the group she is in.
    const personal = t.conversation('personal', 'a:eva-personal');
    const before = t.connector.calls.length;
    expect((await t.send(message(personal, eva, 'verantwoording'))).status).toBe(200);
    const shown = t.connector.calls.slice(before).map((c) => cardText(c.activity)).join('\n');
    expect(shown).toContain('Team Zorg');
  }, 60_000);
});
