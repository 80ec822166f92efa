import { cosmosGate } from '../support/cosmos-gate';
import { TestUser } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * One app per describe block for the race tests: its Cosmos DB requests pass a proxy where a test
 * can hold one (`gate`) while another member's step runs, and each test gets a group of its own.
 */
export function raceApp(name: string) {
  let app: TestApp | undefined;
  let held: ReturnType<typeof cosmosGate> | undefined;
  let round = 0;
  beforeAll(async () => {
    app = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    held = cosmosGate(app.proxy!);
  });
  afterAll(() => app?.stop());
  const started = () => {
    if (!app || !held) throw new Error('the race app starts in beforeAll');
    return { t: app, gate: held };
  };
  return {
    get t(): TestApp {
      return started().t;
    },
    get gate(): ReturnType<typeof cosmosGate> {
      return started().gate;
    },
    /** A group chat of its own for one test, with these members. */
    group(members: TestUser[]): GroupDriver {
      const t = started().t;
      return new GroupDriver(t, t.conversation('groupChat', `19:${name}-${round++}@thread.v2`), members);
    },
  };
}

/** The week-1 proposal of the group, as stored. */
export async function proposalOf(t: TestApp, g: GroupDriver) {
  return (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
}

/** Every judgement stored in the group's partition. */
export async function judgementsOf(t: TestApp, g: GroupDriver) {
  const query = { query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] };
  return (await t.store.container('sessions').items.query(query, { partitionKey: g.groupId }).fetchAll()).resources;
}
