import { message, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `start` goes without reading the group when this instance already saw the group's week: the
 * opening's one query reads the group with that week and checks it. The hint is never trusted:
 * whatever happened to the group elsewhere, `start` answers as it does on an instance that never
 * saw the group (tests/live-session/request-counts.test.ts counts the requests).
 */
describe('"start" on the week this instance saw', () => {
  let a: TestApp;
  let b: TestApp;
  let round = 0;
  beforeAll(async () => {
    a = await startTestApp();
    // A second instance on the same store.
    b = await startTestApp({}, undefined, { cosmos: a.store });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  const members = () => ['Anna', 'Bram', 'Cem'].map((n) => user(`${n}${round}`));
  async function groupInWeekOne(language: 'nl' | 'en' = 'nl') {
    const g = new GroupDriver(a, a.conversation('groupChat', `19:start-hint-${round++}@thread.v2`), members());
    await g.setUp(language);
    await g.startCycle();
    return g;
  }
  const sessions = async (g: GroupDriver) =>
    (await a.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }, { partitionKey: g.groupId }).fetchAll()).resources;
  const cycleOf = async (g: GroupDriver) => (await a.store.container('sessions').item(g.groupId, g.groupId).read()).resource?.currentCycleId as string;
  const lastCard = (t: TestApp, conversationId: string) => cardText(t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId).at(-1)?.activity.attachments?.[0]?.content);

  it('opens the session of the week another instance started since', async () => {
    const g = await groupInWeekOne();
    const weekOne = await cycleOf(g);
    // On the other instance, the group moves on to week 2.
    await b.send(message({ ...g.conv, serviceUrl: b.connector.url }, g.members[0]!, 'nieuwe cyclus'));
    const weekTwo = await cycleOf(g);
    expect(weekTwo).not.toBe(weekOne);

    await a.send(message(g.conv, g.members[1]!, 'start'));
    const stored = await sessions(g);
    expect(stored.map((s) => s.cycleId)).toEqual([weekTwo]);
  });

  it('offers the setup when the group is gone, as on an instance that never saw it', async () => {
    const g = await groupInWeekOne();
    await a.store.container('sessions').item(g.groupId, g.groupId).delete();

    await a.send(message(g.conv, g.members[0]!, 'start'));
    expect(await sessions(g)).toEqual([]);
    expect(lastCard(a, g.conv.id)).toContain('Groep instellen');
  });

  it('refuses someone the full group has no room for in the group\'s language, and stores nothing', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', `19:start-hint-${round++}@thread.v2`), ['Ada', 'Ben', 'Cas', 'Don', 'Eli', 'Fay', 'Gus', 'Hal'].map(user));
    await g.setUp('en');
    await g.startCycle();

    await a.send(message(g.conv, user('Ivy'), 'start'));
    expect(await sessions(g)).toEqual([]);
    expect(lastCard(a, g.conv.id)).toMatch(/full|vol/i);
    expect(lastCard(a, g.conv.id)).not.toMatch(/\bvol\b/);
  });
});
