/**
 * Found in review, stop 52 (fixed then: a page without a value list is no answer): the half-yearly manager scan when Graph answers one page 200 but without
 * `value` or `@odata.nextLink` (a truncated/odd body, e.g. from a proxy). The app, through a proxy
 * in front of the fake Graph, one user a page: Anna (Mia's report), Cem (Noor's report), Mia, Noor.
 * Page 2 (Cem) comes back as `{}`: the scan ends there with Mia only. A part must not be taken for
 * the whole: Noor must still be nudged once Graph answers properly.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { cardText } from '../support/group-driver';
import { FakeGraph } from '../support/fake-graph';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { user } from '../support/activities';
import { runAt as runAppAt } from '../rhythm/support';

const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

describe('a malformed page of the manager scan', () => {
  let t: TestApp;
  let graph: FakeGraph;
  let proxy: Server;
  let malformed = true;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.managers.set('aad-anna', 'aad-mia');
    graph.managers.set('aad-cem', 'aad-noor');
    graph.usersPageSize = 1;
    proxy = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (malformed && url.pathname === '/v1.0/users' && url.searchParams.get('$skiptoken') === '1') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{}');
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(`${graph.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    graph.usersNextLinkBase = proxyUrl;
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', GRAPH_BASE_URL: proxyUrl }, '2026-11-23T09:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await new Promise<void>((r) => proxy.close(() => r()));
    await graph.stop();
  });

  it('Noor (whose report sits on the malformed page) is nudged once Graph answers properly', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam
    await runAppAt(t, '2026-12-01T08:00:00Z');
    // The page without a list is no answer: nobody is nudged from a part of the managers.
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(0);
    malformed = false;
    for (const at of ['2026-12-01T08:30:00Z', '2026-12-01T09:00:00Z', '2026-12-02T08:00:00Z', '2026-12-07T08:00:00Z']) await runAppAt(t, at);
    expect(personalCardsTitled(t, 'aad-noor', MANAGER_TITLE).map(cardText)).toHaveLength(1);
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(1);
  }, 120_000);
});
