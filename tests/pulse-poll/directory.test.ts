import { Writable } from 'node:stream';
import { GraphDirectory } from '../../src/directory/graph-directory';
import { ListDirectory } from '../../src/directory/list-directory';
import { createLogger } from '../../src/log/logger';
import { isHr } from '../../src/usecases/pulse-poll/access';
import { PulsePollDeps } from '../../src/usecases/pulse-poll/deps';
import { FakeGraph } from '../support/fake-graph';

const logger = createLogger('silent', new Writable({ write(_c, _e, cb) { cb(); } }));

describe('the directory', () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna']));
    graph.owners.set('team-group', new Set(['aad-mila']));
  });
  afterAll(() => graph.stop());

  it('asks Microsoft Graph for group membership and ownership (a loopback Graph gets no token)', async () => {
    const dir = new GraphDirectory(graph.url, logger);
    expect(await dir.isInGroup('aad-hanna', 'hr-group')).toBe(true);
    expect(await dir.isInGroup('aad-olaf', 'hr-group')).toBe(false);
    expect(await dir.isGroupOwner('aad-mila', 'team-group')).toBe(true);
    expect(await dir.isGroupOwner('aad-hanna', 'team-group')).toBe(false);
    expect(graph.requests.find((r) => r.path === '/v1.0/users/aad-hanna/checkMemberGroups')).toBeDefined();
    expect(graph.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('caches answers and fails closed', async () => {
    const dir = new GraphDirectory(graph.url, logger);
    await dir.isInGroup('aad-hanna', 'hr-group');
    const before = graph.requests.length;
    expect(await dir.isInGroup('aad-hanna', 'hr-group')).toBe(true);
    expect(graph.requests.length).toBe(before);
    expect(await new GraphDirectory('http://127.0.0.1:1', logger).isInGroup('aad-hanna', 'hr-group')).toBe(false);
    expect(await dir.isInGroup('../../admin', 'hr-group')).toBe(false);
  });

  it('makes HR of the listed ids and of the HR group\'s members', async () => {
    const deps = { hr: { userIds: ['aad-anna'], groupId: 'hr-group' }, directory: new GraphDirectory(graph.url, logger) } as unknown as PulsePollDeps;
    expect(await isHr(deps, 'aad-anna')).toBe(true);
    expect(await isHr(deps, 'aad-hanna')).toBe(true);
    expect(await isHr(deps, 'aad-olaf')).toBe(false);
    const local = { hr: { userIds: ['aad-anna'], groupId: 'hr-group' }, directory: new ListDirectory() } as unknown as PulsePollDeps;
    expect(await isHr(local, 'aad-hanna')).toBe(false);
    expect(await isHr(local, 'aad-anna')).toBe(true);
  });
});
