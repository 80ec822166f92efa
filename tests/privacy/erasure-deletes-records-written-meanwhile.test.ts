/**
 * Race: while Bram's erasure runs (after it listed his own partition, before it deleted it), a
 * note of his arrives ("notitie ..." from his other device), or a group set up meanwhile records
 * him in his membership index. Guarantees: when the erasure says "erased", nothing of his is left
 * in his partition (it lists it again until only its ticket is left); and an index entry for a
 * group the erasure never went through is not deleted unseen (the only way to find that group):
 * the erasure stops unfinished instead, and its rerun takes him out of that group too.
 */
import { eraseMyData } from '../../src/usecases/verantwoording/my-data';
import { VerantwoordingDeps } from '../../src/usecases/verantwoording/deps';
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { groupIdFor } from '../../src/usecases/week-cycle/set-up-group';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, PersonalChat, verantwoordingDeps } from '../verantwoording/support';

/** The erasure's deps, running `meanwhile` once, right after its first listing of the person's own partition. */
function withWriteAfterListing(t: TestApp, meanwhile: () => Promise<unknown>): VerantwoordingDeps {
  const deps = verantwoordingDeps(t.cosmos, t.clock);
  const records = deps.records;
  let done = false;
  deps.records = Object.assign(Object.create(records) as VerantwoordingDeps['records'], {
    listAll: async (userId: string) => {
      const all = await records.listAll(userId);
      if (!done) {
        done = true;
        await meanwhile();
      }
      return all;
    },
  });
  return deps;
}

const ownRecords = async (t: TestApp, who: TestUser) =>
  ((await allDocuments(t.store)).personal as { userId?: string; type: string; text?: string }[]).filter((d) => d.userId === who.aadObjectId).map((d) => `${d.type}:${d.text ?? ''}`);

describe('erasure: the person\'s own records written while it runs', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('deletes a note that arrived after it listed the partition before it says "erased"', async () => {
    const chat = new PersonalChat(t, bram);
    await chat.say('notitie eerste notitie');
    const deps = withWriteAfterListing(t, () => chat.say('notitie geschreven tijdens het wissen'));
    await eraseMyData(deps, bram.aadObjectId, { platformId: bram.id, tenantId: 'tenant-1' });
    expect(await ownRecords(t, bram)).toEqual([]);
  });

  it('stops unfinished on an index entry for a group it never went through, and its rerun erases him there', async () => {
    const chat = new PersonalChat(t, cem);
    await chat.say('notitie van Cem');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:groupchat-later@thread.v2'), [anna, cem, dewi, bram]);
    const repos = verantwoordingDeps(t.cosmos, t.clock);
    let setUpWithout: string[] = [];
    let told = '';
    const deps = withWriteAfterListing(t, async () => {
      // A setup saved now finds his erasure under way (its ticket), and leaves him out (stop 68);
      // the form comes back saying he could not be added (no word of why).
      told = cardText((await g.setUp()).value);
      g.groupId = groupIdFor(g.conv.id);
      setUpWithout = (await repos.groups.get(g.groupId))!.members.map((m) => m.name);
      // A save of his index whose window opened before the ticket, answered within it: the group
      // names him and so does his index, which is all that leads the erasure there.
      await repos.groups.update(g.groupId, (group) => ({ ...group, members: [...group.members, { id: cem.aadObjectId, name: 'Cem', teamsId: cem.id }] }));
      await repos.membership.recordSetupJoin(g.groupId, 'Team Zorg', cem.aadObjectId, t.clock.now().toISOString(), undefined);
    });
    await expect(eraseMyData(deps, cem.aadObjectId, { platformId: cem.id, tenantId: 'tenant-1' })).rejects.toThrow(/joined another group/);
    expect({ setUpWithout, told: told.includes('Niet iedereen kon worden toegevoegd: Cem.') }).toEqual({ setUpWithout: ['Anna', 'Dewi', 'Bram'], told: true });
    await eraseMyData(verantwoordingDeps(t.cosmos, t.clock), cem.aadObjectId, { platformId: cem.id, tenantId: 'tenant-1' });
    const group = await verantwoordingDeps(t.cosmos, t.clock).groups.get(g.groupId);
    expect({ own: await ownRecords(t, cem), members: group!.members.map((m) => m.name), erasing: group!.erasing }).toEqual({ own: [], members: ['Anna', 'Dewi', 'Bram'], erasing: undefined });
  });
});
