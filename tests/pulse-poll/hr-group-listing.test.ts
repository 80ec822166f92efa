import { Writable } from 'node:stream';
import { GraphDirectory } from '../../src/directory/graph-directory';
import { ListDirectory } from '../../src/directory/list-directory';
import { hrPeopleOfTenant, hrPeopleToAddress } from '../../src/domain/directory/hr-people';
import { isDomainError } from '../../src/domain/shared/errors';
import { createLogger } from '../../src/log/logger';
import { FakeGraph } from '../support/fake-graph';

const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(c, _e, cb) { logs.push(c.toString()); cb(); } }));
const LISTING = '/v1.0/groups/hr-group/transitiveMembers/microsoft.graph.user';

/** HR_GROUP_ID's users as the directory lists them for the cards HR gets by name (stop 52). */
describe('listing a group\'s users', () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['AAD-Hanna', 'aad-gina', 'aad-olaf']));
  });
  afterAll(() => graph.stop());
  afterEach(() => {
    graph.failWhen = undefined;
    graph.pageSize = 999;
  });

  it('follows the next pages, lower-cases the ids and caches the list', async () => {
    graph.pageSize = 2;
    const dir = new GraphDirectory(graph.url, logger);
    const before = graph.requests.length;
    expect((await dir.groupUserIds('hr-group'))?.sort()).toEqual(['aad-gina', 'aad-hanna', 'aad-olaf']);
    expect(graph.requests.slice(before).filter((r) => r.path === LISTING)).toHaveLength(2);
    const cached = graph.requests.length;
    expect((await dir.groupUserIds('hr-group'))?.sort()).toEqual(['aad-gina', 'aad-hanna', 'aad-olaf']);
    expect(graph.requests.length).toBe(cached);
  });

  it('fails as a whole when a page fails (never a part taken for the whole), naming nobody in the log', async () => {
    graph.pageSize = 2;
    graph.failWhen = ({ path, page }) => (path === LISTING && page === 1 ? 503 : undefined);
    const err = await new GraphDirectory(graph.url, logger).groupUserIds('hr-group').catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('directoryUnavailable');
    for (const line of logs) expect(line.toLowerCase()).not.toMatch(/aad-(hanna|gina|olaf)/);
  });

  it('asks membership at send time without taking "no answer" for "no"', async () => {
    const dir = new GraphDirectory(graph.url, logger);
    graph.failWith = 503;
    const err = await dir.checkInGroup('aad-gina', 'hr-group').catch((e: unknown) => e);
    graph.failWith = undefined;
    expect(isDomainError(err) && err.code).toBe('directoryUnavailable');
    expect(await dir.checkInGroup('aad-gina', 'hr-group')).toBe(true);
    expect(await dir.checkInGroup('aad-piet', 'hr-group')).toBe(false);
  });

  it('gives HR_USER_IDS and the listed members each once; a listing that fails keeps HR_USER_IDS; local lists do not list', async () => {
    const dir = new GraphDirectory(graph.url, logger);
    const list = () => dir.groupUserIds('hr-group');
    expect(await hrPeopleToAddress({ hrUserIds: [' aad-Hanna ', 'aad-piet', ''], hrGroup: true, listHrGroup: list })).toEqual({ ids: ['aad-hanna', 'aad-piet', 'aad-gina', 'aad-olaf'], group: 'listed' });
    const down = new GraphDirectory('http://127.0.0.1:1', logger);
    expect(await hrPeopleToAddress({ hrUserIds: ['aad-piet'], hrGroup: true, listHrGroup: () => down.groupUserIds('hr-group') })).toEqual({ ids: ['aad-piet'], group: 'unavailable' });
    const local = new ListDirectory({ members: { 'hr-group': ['aad-gina'] } });
    expect(await hrPeopleToAddress({ hrUserIds: ['aad-piet'], hrGroup: true, listHrGroup: () => local.groupUserIds('hr-group') })).toEqual({ ids: ['aad-piet'], group: 'notListed' });
    expect(await hrPeopleToAddress({ hrUserIds: ['aad-piet'], hrGroup: false, listHrGroup: list })).toEqual({ ids: ['aad-piet'], group: 'none' });
  });

  it("lists the group only for the directory's own tenant (stop 53: Graph answers the app's own tenant)", async () => {
    const dir = new GraphDirectory(graph.url, logger);
    let listings = 0;
    const source = { hrUserIds: ['aad-piet'], hrGroup: true, listHrGroup: () => (listings++, dir.groupUserIds('hr-group')), listsTenant: (t: string) => t === 'tenant-1' };
    expect(await hrPeopleToAddress(source, 'tenant-2')).toEqual({ ids: ['aad-piet'], group: 'notListed' });
    expect(listings).toBe(0);
    const listed = await hrPeopleToAddress(source, 'tenant-1');
    expect(listed).toEqual({ ids: ['aad-piet', 'aad-hanna', 'aad-gina', 'aad-olaf'], group: 'listed' });
    // A listing made once for several tenants' cards (the weekly L&O run): the other tenant's cards get HR_USER_IDS only.
    expect(hrPeopleOfTenant(listed, source, 'tenant-2')).toEqual({ ids: ['aad-piet'], group: 'notListed' });
    expect(hrPeopleOfTenant(listed, source, 'tenant-1')).toBe(listed);
    expect(hrPeopleOfTenant(listed, { ...source, listsTenant: undefined }, 'tenant-2')).toBe(listed);
  });

  it('follows no next page that points away from Graph (it would carry the token)', async () => {
    const evil = await new FakeGraph().start();
    try {
      evil.members.set('hr-group', new Set(['aad-a', 'aad-b']));
      evil.pageSize = 1;
      const dir = new GraphDirectory(evil.url, logger);
      // The fake names its own URL; seen from a Graph on another origin it points away.
      (dir as unknown as { baseUrl: string }).baseUrl = evil.url.replace('127.0.0.1', 'localhost');
      const err = await dir.groupUserIds('hr-group').catch((e: unknown) => e);
      expect(isDomainError(err) && err.code).toBe('directoryUnavailable');
      // The first page was asked (and answered); its next page was not followed.
      expect(evil.requests.filter((r) => r.path === LISTING)).toHaveLength(1);
    } finally {
      await evil.stop();
    }
  });
});
