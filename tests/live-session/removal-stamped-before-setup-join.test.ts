/**
 * Found in own review, stop 68 (probe own1-removal-stamped-before-setup-index-ignored). Anna's
 * setup save adds Eva; while it is under way Eva is removed from the chat (Teams stamps that
 * removal a moment before the app stamps Eva's index entry: the save's turn, or Teams' clock a
 * little behind the app's). The removal is delivered ONCE, after the save was answered. It is a
 * real removal (the chat's roster no longer lists Eva): she must leave the group. Her index saying
 * she joined after the removal's stamp costs one roster read; a roster that cannot be read leaves
 * the removal (Teams' word) standing. See removal-redelivered-after-readded.test.ts for the return
 * (the roster lists her again) that keeps her.
 */
import { membersRemoved, TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ids = (members: TestUser[]) => members.map((m) => m.aadObjectId).join(',');

describe('a removal stamped a moment before the setup that added her', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', {});
  }, 60_000);
  afterAll(() => t?.stop());

  /** Eva added by a setup save, and a removal of her stamped half a second before it. */
  async function addedThenRemoval(chat: string) {
    const g = new GroupDriver(t, t.conversation('groupChat', chat), [anna, bram, cem, dewi]);
    await g.setUp();
    t.connector.roster = [anna, bram, cem, dewi, eva];
    const removedAt = new Date(t.clock.now().getTime() - 500).toISOString();
    await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: ids([anna, bram, cem, dewi, eva]), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    const members = async () => ((await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] }).members.map((m) => m.id);
    return { g, members, removal: { ...membersRemoved(g.conv, anna, [eva]), timestamp: removedAt }, added: (await members()).includes(eva.aadObjectId) };
  }
  const rosterReads = (from: number) => t.connector.requests.slice(from).filter((r) => r.path.endsWith('/pagedmembers')).length;

  it('takes Eva out of the group when the roster no longer lists her', async () => {
    const { members, removal, added } = await addedThenRemoval('19:setup-removal-skew@thread.v2');
    t.connector.roster = [anna, bram, cem, dewi];
    const mark = t.connector.requests.length;
    const res = await t.send(removal);
    expect({ added, status: res.status, stillInAfterRemoval: (await members()).includes(eva.aadObjectId), rosterReads: rosterReads(mark) }).toEqual({ added: true, status: 200, stillInAfterRemoval: false, rosterReads: 1 });
  }, 180_000);

  it('takes Eva out of the group when the roster cannot be read', async () => {
    const { members, removal, added } = await addedThenRemoval('19:setup-removal-skew-noroster@thread.v2');
    // Listed still (as if she were back), but Teams refuses the roster: the removal stands.
    const refuseRoster = (req: { method: string; path: string }) => (req.method === 'GET' && req.path.endsWith('/pagedmembers') ? { status: 403 } : undefined);
    t.connector.faults.push(refuseRoster);
    const mark = t.connector.requests.length;
    const res = await t.send(removal);
    t.connector.faults.splice(t.connector.faults.indexOf(refuseRoster), 1);
    expect({ added, status: res.status, stillInAfterRemoval: (await members()).includes(eva.aadObjectId), rosterReads: rosterReads(mark) }).toEqual({ added: true, status: 200, stillInAfterRemoval: false, rosterReads: 1 });
  }, 180_000);
});
