/**
 * Cosmos DB stores one of the erasure's writes but the answer
 * is lost (connection dropped after the write: the proxy's `dropAfter`), at each request of the
 * erasure in turn; then the erasure runs again without faults. Nothing may name the person and the
 * group's data must stay consistent: one anonymous judgement, one anonymous presence, the others'
 * data untouched.
 *
 * Written in review, stop 35; it passed on the code it was written against (36 requests, each
 * answer lost once), and stays as the guard of that.
 */
import { tryEraseMyData } from '../../src/usecases/verantwoording/my-data';
import { TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentsNaming, erasureOnlyDeps } from '../verantwoording/support';
import { judgementsOf } from '../live-session/race-app';


describe('an erasure whose write landed but whose answer was lost, run again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());
  /**
   * The group's documents in the sessions container: what the checks below filter down to anyway.
   * Reading every container for them cost each of the ~40 scenarios more as the store filled up;
   * the check that nothing names the person (documentsNaming) still reads everything.
   */
  const groupSessionDocuments = async (groupId: string): Promise<unknown[]> =>
    (await t.store.container('sessions').items.query({ query: 'SELECT * FROM c WHERE c.groupId = @g', parameters: [{ name: '@g', value: groupId }] }).fetchAll()).resources;

  it('leaves a consistent group from every lost answer', async () => {
    const problems: unknown[] = [];
    let total = Infinity;
    for (let cut = 0; cut < Math.min(total, 120); cut += 1) {
      const people = ['Anna', 'Bram', 'Cem', 'Dewi'].map((n) => user(`${n}L${cut}`)) as [TestUser, TestUser, TestUser, TestUser];
      const [anna, bram, cem] = people;
      const g = new GroupDriver(t, t.conversation('groupChat', `19:lost-answer-${cut}@thread.v2`), people);
      await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
      for (const [who, opinion] of [[anna, 'agree'], [bram, 'disagree'], [cem, 'doubt']] as const) await g.press(who, 'proposal.judge', { ...g.ids(), opinion, reason: 'Reden' });
      const othersBefore = ((await groupSessionDocuments(g.groupId)) as { groupId?: string; type: string; id: string; authorId?: string; memberId?: string }[])
        .filter((d) => d.groupId === g.groupId && ['contribution', 'checkIn', 'judgement'].includes(d.type) && (d.authorId ?? d.memberId) !== bram.aadObjectId)
        .map((d) => d.id)
        .sort();

      let n = 0;
      t.proxy!.faults = (req) => {
        if (req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
        if (req.kind === 'query' || req.kind === 'pointRead') { n++; return undefined; }
        return n++ === cut ? { kind: 'dropAfter' } : undefined;
      };
      const account = { platformId: bram.id, tenantId: 'tenant-1' };
      // No save of Bram's own records runs here: nothing for these erasures to wait out (save-window.ts).
      const first = await tryEraseMyData(erasureOnlyDeps(t.cosmos, t.clock), bram.aadObjectId, account);
      t.proxy!.faults = undefined;
      if (first.done && n <= cut) total = cut; // no write left to cut
      const second = first.done ? first : await tryEraseMyData(erasureOnlyDeps(t.cosmos, t.clock), bram.aadObjectId, account);

      const docs = (await groupSessionDocuments(g.groupId)) as { groupId?: string; type: string; id: string; authorId?: string; memberId?: string; energy?: { in: { average?: number; withdrawn?: boolean } } }[];
      const judgements = (await judgementsOf(t, g)).map((j: { memberId: string; opinion: string }) => `${j.memberId.startsWith('aad-') ? j.memberId.slice(4) : 'anon'}:${j.opinion}`).sort();
      const presence = await g.items('presence');
      const checkIns = await g.items('checkIn');
      const othersAfter = docs
        .filter((d) => d.groupId === g.groupId && ['contribution', 'checkIn', 'judgement'].includes(d.type) && (d.authorId ?? d.memberId) !== 'erased' && !(d.type === 'judgement' && d.memberId === 'erased'))
        .map((d) => d.id)
        .sort();
      const got = {
        done: second.done,
        naming: await documentsNaming(t.store, bram),
        judgements,
        attendance: presence.length + checkIns.length,
        othersIntact: JSON.stringify(othersAfter) === JSON.stringify(othersBefore),
      };
      const want = { done: true, naming: [], judgements: [`annal${cut}:agree`, `ceml${cut}:doubt`, 'anon:disagree'].sort(), attendance: 4, othersIntact: true };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push({ cut, got, firstError: first.done ? undefined : String((first as { error: unknown }).error) });
    }
    expect(problems).toEqual([]);
    expect(total).toBeLessThan(120);
    // About forty whole scenarios (a group's day, then an erasure twice): 12 s alone, five times that
    // and more beside the rest of the suite on a busy two-core machine.
  }, 300_000);
});
