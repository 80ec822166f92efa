/**
 * Attack / race: Bram erases his data. After the erasure last read his traces in the group and
 * before it deletes his own partition, a write puts him back on the group's member list (id,
 * Teams id, name): Anna saves the group setup form she had open, still listing him. His
 * membership index entry is deleted with his partition, so nothing could find that group entry
 * again. Guarantee: when the erasure says done, no group names him; the group forgets him once
 * more under its ETag before the "erasing" mark is lifted.
 */
import { eraseMyData, exportMyData } from '../../src/usecases/verantwoording/my-data';
import { VerantwoordingDeps } from '../../src/usecases/verantwoording/deps';
import { TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, verantwoordingDeps } from '../verantwoording/support';

type Doc = { type: string; id: string };

/** Every document (per container) that names the person by app id, Teams id or name. */
async function namesOf(t: TestApp, who: TestUser): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    const found = (docs as Doc[]).filter((d) => {
      const json = JSON.stringify(d);
      return json.includes(who.aadObjectId) || json.includes(`"${who.name}"`) || json.includes(who.id);
    });
    if (found.length) out[container] = found.map((d) => `${d.type}:${d.id}`);
  }
  return out;
}

/** The erasure's deps, running `meanwhile` once when it lists the person's own partition (after its last read of the groups). */
function withWriteBeforeOwnRecords(t: TestApp, meanwhile: () => Promise<unknown>): VerantwoordingDeps {
  const deps = verantwoordingDeps(t.cosmos, t.clock);
  const records = deps.records;
  let done = false;
  deps.records = Object.assign(Object.create(records) as VerantwoordingDeps['records'], {
    listAll: async (userId: string) => {
      if (!done) {
        done = true;
        await meanwhile();
      }
      return records.listAll(userId);
    },
  });
  return deps;
}

describe('erasure: a member put back on the group list during the erasure', () => {
  const [, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(bram, 1, 'Bram zijn antwoord');
    await g.contribute(cem, 2, 'Cem zijn antwoord');
  });
  afterAll(() => t.stop());

  it('is taken off the list again before the group lets go of him, whatever wrote him back', async () => {
    // Written straight to the group, as any setup save that does not check the "erasing" mark would.
    const deps = withWriteBeforeOwnRecords(t, () =>
      verantwoordingDeps(t.cosmos, t.clock).groups.update(g.groupId, (group) => ({ ...group, members: [...group.members, { id: bram.aadObjectId, name: bram.name, teamsId: bram.id }] })),
    );
    await eraseMyData(deps, bram.aadObjectId, { platformId: bram.id, tenantId: 'tenant-1' });
    const group = await verantwoordingDeps(t.cosmos, t.clock).groups.get(g.groupId);
    expect({ members: group!.members.map((m) => m.name), erasing: group!.erasing }).toEqual({ members: ['Anna', 'Cem', 'Dewi'], erasing: undefined });
    expect(await namesOf(t, bram)).toEqual({});
  });

  it('leaves nothing naming Cem when Anna saves the setup form (still listing him) during his erasure', async () => {
    let saved: unknown;
    const deps = withWriteBeforeOwnRecords(t, async () => (saved = await g.setUp()));
    await eraseMyData(deps, cem.aadObjectId, { platformId: cem.id, tenantId: 'tenant-1' });
    expect(saved).toBeDefined();
    // A retried erasure finishes the job (and finds nothing more).
    await eraseMyData(verantwoordingDeps(t.cosmos, t.clock), cem.aadObjectId, { platformId: cem.id, tenantId: 'tenant-1' });
    const exported = await exportMyData(verantwoordingDeps(t.cosmos, t.clock), cem.aadObjectId, 'nl');
    expect({ left: await namesOf(t, cem), groupsInExport: exported.groups.map((x) => x.id) }).toEqual({ left: {}, groupsInExport: [] });
  });
});
