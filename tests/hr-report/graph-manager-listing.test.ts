import { Writable } from 'node:stream';
import { GraphManagerDirectory } from '../../src/directory/graph-manager-directory';
import { isDomainError } from '../../src/domain/shared/errors';
import { createLogger } from '../../src/log/logger';
import { FakeGraph } from '../support/fake-graph';

const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(c, _e, cb) { logs.push(c.toString()); cb(); } }));
const USERS = '/v1.0/users';

/** A directory whose manager listing stops after two pages (the real cap is 1000 pages of 100). */
class CappedDirectory extends GraphManagerDirectory {
  protected override readonly scanPageCap = 2;
}

const sorted = (managers: { id: string; reportIds?: string[] }[]) =>
  managers.map((m) => ({ ...m, ...(m.reportIds ? { reportIds: [...m.reportIds].sort() } : {}) })).sort((a, b) => a.id.localeCompare(b.id));

/**
 * The managers Microsoft Graph names, for the half-yearly nudge (stop 52): a scan of every user's
 * id and manager (`$expand=manager`, at most 100 users a page), through the fake Graph.
 * Mia manages Anna and Bram, Noor manages Cem, Olga is named her own manager and manages Dirk;
 * Hanna has no manager.
 */
describe('listing the managers Microsoft Graph names', () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await new FakeGraph().start();
    for (const [report, manager] of [['aad-anna', 'aad-mia'], ['aad-bram', 'aad-mia'], ['aad-cem', 'aad-noor'], ['aad-olga', 'aad-olga'], ['aad-dirk', 'aad-olga']]) graph.managers.set(report!, manager!);
    graph.names.set('aad-hanna', 'Hanna');
  });
  afterAll(() => graph.stop());
  afterEach(() => {
    graph.failWhen = undefined;
    graph.usersPageSize = 100;
    graph.usersNextLinkBase = undefined;
  });

  it('gives each manager once with the reports the scan read, over every page, asking 100 users a page with their manager', async () => {
    graph.usersPageSize = 2;
    const before = graph.requests.length;
    const managers = await new GraphManagerDirectory(graph.url, logger).managers();
    expect(sorted(managers ?? [])).toEqual([
      { id: 'aad-mia', reportIds: ['aad-anna', 'aad-bram'] },
      { id: 'aad-noor', reportIds: ['aad-cem'] },
      // Named her own manager: listed with herself; the nudge leaves her out of her own count (notThemselves).
      { id: 'aad-olga', reportIds: ['aad-dirk', 'aad-olga'] },
    ]);
    const scans = graph.requests.slice(before);
    // Eight people, two a page: four pages, and no call per manager.
    expect(scans.map((r) => r.path)).toEqual([USERS, USERS, USERS, USERS]);
    const first = new URLSearchParams(scans[0]!.search);
    expect({ top: first.get('$top'), expand: first.get('$expand'), select: first.get('$select') }).toEqual({ top: '100', expand: 'manager($select=id)', select: 'id,accountEnabled' });
  });

  it('rejects as directoryUnavailable when any page fails (never a part taken for the whole), naming nobody in the log', async () => {
    graph.usersPageSize = 2;
    graph.failWhen = ({ path, page }) => (path === USERS && page === 2 ? 503 : undefined);
    const logsBefore = logs.length;
    const err = await new GraphManagerDirectory(graph.url, logger).managers().catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('directoryUnavailable');
    expect(logs.slice(logsBefore).join('')).toContain('directory manager listing failed');
    for (const line of logs) expect(line).not.toMatch(/aad-|hanna|anna|mia|noor|olga|dirk|cem/i);
  });

  it('does not follow a next page Graph names on another host (it would get the token): no answer', async () => {
    graph.usersPageSize = 2;
    graph.usersNextLinkBase = 'https://graph.example.org';
    const before = graph.requests.length;
    const err = await new GraphManagerDirectory(graph.url, logger).managers().catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('directoryUnavailable');
    expect(graph.requests.length - before).toBe(1);
  });

  it('stops at its page cap, says so by counts only, and gives the managers found without their reports (the run asks for them)', async () => {
    graph.usersPageSize = 2;
    const logsBefore = logs.length;
    const managers = await new CappedDirectory(graph.url, logger).managers();
    // Pages one and two hold Anna, Bram, Cem and Olga (in the fake's order): Mia, Noor and Olga named so far.
    expect(sorted(managers ?? [])).toEqual([{ id: 'aad-mia' }, { id: 'aad-noor' }, { id: 'aad-olga' }]);
    const warning = logs.slice(logsBefore).find((l) => l.includes('stopped at its page cap'));
    expect(JSON.parse(warning!)).toMatchObject({ pages: 2, users: 4, managers: 3 });
    for (const line of logs) expect(line).not.toMatch(/aad-/i);
  });
});
