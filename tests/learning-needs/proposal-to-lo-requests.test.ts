/**
 * Stop 47: a press of "Delen met L&O" stays within a group turn's request budget. The share
 * reads the group and its proposal with one single-partition query, creates the record in the
 * tenant's partition, and queues the group's notice in the outbox: three requests, no query plan,
 * no fan-out; a press delivered again (or a second member's) reads the record back once and writes nothing new (stop 48: once
 * the notice went out and its hook marked the record, it does not even ask for the notice). The preview reads the
 * same query and one point read. (The outbox's own sender, which sends the notice after the turn,
 * is not the press's cost: its requests in `outbox` other than the queueing create are left out.)
 */
import { execute, TestUser } from '../support/activities';
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { decidedGroup } from './support-shared-proposal';

/**
 * The press's own data requests: everything but the outbox sender's work after the queueing create,
 * and the SDK's one-time container metadata (cached per process; request-counts.test.ts leaves it out too).
 */
const pressPath = (seen: SeenCosmosRequest[]) => seen.filter((r) => r.kind !== 'metadata' && (r.container !== 'outbox' || r.kind === 'create')).map((r) => `${r.kind} ${r.container}`);

describe('Cosmos DB requests of a share with L&O', () => {
  let t: TestApp;
  let g: GroupDriver;
  let data: { groupId: string; proposalId: string };
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true, sharedCardIntervalMs: 0 });
    g = await decidedGroup(t, '19:plo-requests@thread.v2', MEMBERS.slice(0, 3) as [TestUser, TestUser, TestUser], 'Goed', { decision: 'adapt', decisionReason: 'Omdat', adoptedText: 'Onze woorden', firstStep: 'Stap' });
    await t.app.outbox.drain(10_000);
    data = { groupId: g.groupId, proposalId: `${g.groupId}_w1_p` };
  }, 60_000);
  afterAll(() => t?.stop());

  const measure = async (turn: () => Promise<unknown>) => {
    await t.app.outbox.drain(10_000);
    t.proxy!.reset();
    const answer = await turn();
    return { answer, seen: [...t.proxy!.seen] };
  };

  it('the preview: the query in the group\'s partition and one point read of the record, nothing written', async () => {
    const { answer, seen } = await measure(() => g.press(MEMBERS[1]!, 'proposalToLo.preview', data, 'summary'));
    expect(cardText((answer as { value: unknown }).value)).toContain('Delen namens de groep');
    expect(pressPath(seen)).toEqual(['query sessions', 'pointRead installations']);
    expect(seen.filter((r) => r.container !== 'outbox' && (r.crossPartition || r.kind === 'queryPlan'))).toEqual([]);
  });

  it('the share: one query, one create of the record, one create in the outbox; delivered again, one read more and nothing new', async () => {
    const first = await measure(() => t.send(execute(g.conv, MEMBERS[1]!, 'proposalToLo.share', data, 'summary', 'share-press')));
    expect(cardText((first.answer as { body: { value: unknown } }).body.value)).toContain('Gedeeld met L&O op');
    expect(pressPath(first.seen)).toEqual(['query sessions', 'create installations', 'create outbox']);
    expect(first.seen.filter((r) => r.container !== 'outbox' && (r.crossPartition || r.kind === 'queryPlan'))).toEqual([]);
    // Stop 48: once the notice went out, its outbox hook marks the record as noticed (`noticedAt`).
    await t.app.outbox.drain(10_000);
    await waitUntil('the record marked as noticed', async () => !!(await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${g.groupId}'`).fetchAll()).resources[0]?.noticedAt);
    const again = await measure(() => t.send(execute(g.conv, MEMBERS[1]!, 'proposalToLo.share', data, 'summary', 'share-press')));
    // The record's create finds the first press's (409) and reads it back, so the card shows the date
    // it was really shared; marked as noticed, it asks for no notice: one record, one notice.
    expect(pressPath(again.seen)).toEqual(['query sessions', 'create installations', 'pointRead installations']);
    expect(again.seen.filter((r) => r.kind === 'create').map((r) => r.status)).toEqual([409]);
  });
});
