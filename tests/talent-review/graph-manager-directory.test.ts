import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { GraphManagerDirectory } from '../../src/directory/graph-manager-directory';
import { createLogger } from '../../src/log/logger';

/** A loopback stand-in for Microsoft Graph's manager and directReports endpoints. */
describe('the Graph manager directory', () => {
  let server: Server;
  let dir: GraphManagerDirectory;
  const managers: Record<string, string> = { 'anna-id': 'mia-id' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      const manager = url.pathname.match(/^\/v1\.0\/users\/([^/]+)\/manager$/);
      const reports = url.pathname.match(/^\/v1\.0\/users\/([^/]+)\/directReports$/);
      res.setHeader('content-type', 'application/json');
      if (manager && manager[1] !== 'broken-id') {
        const id = managers[manager[1]!];
        res.statusCode = id ? 200 : 404;
        return res.end(JSON.stringify(id ? { id } : { error: { code: 'Request_ResourceNotFound' } }));
      }
      if (reports && reports[1] === 'mia-id') {
        if (url.searchParams.get('page') === '2') return res.end(JSON.stringify({ value: [{ id: 'bram-id', displayName: 'Bram' }] }));
        const next = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/users/mia-id/directReports?page=2`;
        return res.end(JSON.stringify({ value: [{ id: 'anna-id', displayName: 'Anna' }], '@odata.nextLink': next }));
      }
      res.statusCode = 500;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    dir = new GraphManagerDirectory(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, createLogger('silent'));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads a manager, and follows a change at once (no cache)', async () => {
    expect(await dir.managerOf('anna-id')).toBe('mia-id');
    managers['anna-id'] = 'kees-id';
    expect(await dir.managerOf('anna-id')).toBe('kees-id');
    managers['anna-id'] = 'mia-id';
  });
  it('has no manager for someone Graph gives none (404), or for a malformed id', async () => {
    expect(await dir.managerOf('mia-id')).toBeUndefined();
    expect(await dir.managerOf('../etc')).toBeUndefined();
  });
  it('a lookup Graph did not answer is no answer: it rejects as directoryUnavailable, never "no manager" or "no reports"', async () => {
    // The stand-in answers 500 for anything it does not know: an outage.
    await expect(dir.managerOf('broken-id')).rejects.toMatchObject({ code: 'directoryUnavailable' });
    await expect(dir.directReports('nobody-id')).rejects.toMatchObject({ code: 'directoryUnavailable' });
  });
  it('lists direct reports across pages', async () => {
    expect(await dir.directReports('mia-id')).toEqual([{ id: 'anna-id', name: 'Anna' }, { id: 'bram-id', name: 'Bram' }]);
  });
});
