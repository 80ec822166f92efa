import { Contribution } from '../../src/domain/week-cycle/session-items';
import { strip } from '../../src/store/document-store';
import { CosmosSessionRepository } from '../../src/store/week-cycle.repositories';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A session's state is read with one query that returns contributions without the ids it already
 * knows and without system fields; what comes back must still be every contribution, whole.
 */
describe('session state read', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS;

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna!, 1, 'Wij plannen de overdracht samen.');
    await g.contribute(bram!, 1, 'Ik neem de checklist mee, "met aanhalingstekens" en émoji 🙂');
    await g.checkIn(anna!, 4);
  });
  afterAll(() => t.stop());

  it('returns every contribution of the session exactly as stored', async () => {
    const { groupId, sessionId } = g.ids();
    const { resources } = await t.store
      .container('sessions')
      .items.query<Contribution>({ query: "SELECT * FROM c WHERE c.type = 'contribution' AND c.sessionId = @s", parameters: [{ name: '@s', value: sessionId }] }, { partitionKey: groupId })
      .fetchAll();
    expect(resources).toHaveLength(2);
    const state = await new CosmosSessionRepository(t.cosmos).loadState(groupId, sessionId);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...state!.contributions].sort(byId)).toEqual(resources.map((r) => strip(r)).sort(byId));
    for (const c of state!.contributions) expect(Object.keys(c).filter((k) => k.startsWith('_'))).toEqual([]);
    expect(state!.checkIns).toHaveLength(1);
    // The session keeps its ETag through the projection: the next step replaces it under that ETag.
    const { resource: stored } = await t.store.container('sessions').item(sessionId, groupId).read();
    expect(state!.sessionVersion).toBe(stored._etag);
    expect(stored._etag).toEqual(expect.stringMatching(/.+/));
  });

  it('reads a stored contribution that lacks a field as it is, without shifting the others', async () => {
    const { groupId, sessionId } = g.ids();
    const container = t.store.container('sessions');
    const { resources: [sample] } = await container.items
      .query<Contribution>({ query: "SELECT * FROM c WHERE c.type = 'contribution' AND c.sessionId = @s", parameters: [{ name: '@s', value: sessionId }] }, { partitionKey: groupId })
      .fetchAll();
    // Written around the app, e.g. by a tool or an older version: no author name.
    const { authorName: _authorName, ...lacking } = { ...strip(sample!), id: 'ct_written-around-the-app', text: 'Zonder naam', at: '2026-11-23T08:30:00.000Z' };
    await container.items.create(lacking);
    try {
      const { resources } = await container.items
        .query<Contribution>({ query: "SELECT * FROM c WHERE c.type = 'contribution' AND c.sessionId = @s", parameters: [{ name: '@s', value: sessionId }] }, { partitionKey: groupId })
        .fetchAll();
      expect(resources).toHaveLength(3);
      const state = await new CosmosSessionRepository(t.cosmos).loadState(groupId, sessionId);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...state!.contributions].sort(byId)).toEqual(resources.map((r) => strip(r)).sort(byId));
      expect(state!.contributions.find((c) => c.id === lacking.id)).not.toHaveProperty('authorName');
    } finally {
      await container.item(lacking.id, groupId).delete();
    }
  });
});
