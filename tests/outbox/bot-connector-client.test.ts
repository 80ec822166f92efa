import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { TransportError } from '../../src/outbox/transport';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';

/**
 * The connector client's contract with the outbox: one request per call, every status as it came,
 * and a thrown TransportError only when no status came back, saying whether the request may have
 * reached Teams (the outbox's window of doubt depends on it).
 */
/** Not `writeHead(...).end(...)`: restify, loaded by other test files in the same jest worker, replaces http.ServerResponse's writeHead with one that returns nothing. */
function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

describe('BotConnectorClient over HTTP', () => {
  let server: Server;
  let url: string;
  let handle: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const sockets = new Set<Socket>();
  let connections = 0;
  const clients: BotConnectorClient[] = [];
  const client = (timeoutMs?: number) => {
    const c = new BotConnectorClient(async () => 'token-for-test', timeoutMs);
    clients.push(c);
    return c;
  };
  const route = () => ({ serviceUrl: url, botId: '28:bot', tenantId: 'tenant' });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => handle(req, res, body));
    });
    server.on('connection', (s: Socket) => {
      connections++;
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the activity with the token, and returns the id Teams gave', async () => {
    let seen: { method?: string; url?: string; auth?: string; body?: Record<string, unknown> } = {};
    handle = (req, res, body) => {
      seen = { method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(body) };
      answer(res, 201, { 'content-type': 'application/json' }, JSON.stringify({ id: 'activity-1' }));
    };
    const res = await client().sendActivity(route(), '19:chat/with?odd#chars', { text: 'Hallo – één' });
    expect(res).toEqual({ ok: true, activityId: 'activity-1' });
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe(`/v3/conversations/${encodeURIComponent('19:chat/with?odd#chars')}/activities`);
    expect(seen.auth).toBe('Bearer token-for-test');
    expect(seen.body).toMatchObject({ type: 'message', text: 'Hallo – één', conversation: { id: '19:chat/with?odd#chars', tenantId: 'tenant' }, from: { id: '28:bot' } });
  });

  it('reports a throttled request with its retry-after and the most specific error code', async () => {
    handle = (_req, res) => answer(res, 429, { 'retry-after': '3', 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'Throttled', innerHttpError: { body: { subCode: 'TooManyRequests' } } } }));
    expect(await client().updateActivity(route(), 'c', 'a', { text: 'x' })).toEqual({ ok: false, status: 429, retryAfterMs: 3000, code: 'TooManyRequests' });
  });

  it('keeps the status when the body is not JSON', async () => {
    handle = (_req, res) => answer(res, 502, {}, '<html>bad gateway</html>');
    expect(await client().sendActivity(route(), 'c', { text: 'x' })).toEqual({ ok: false, status: 502, retryAfterMs: undefined, code: undefined });
  });

  it('says a refused connection never reached Teams', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await client().sendActivity({ serviceUrl: `http://127.0.0.1:${port}`, botId: 'b' }, 'c', { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).maybeDelivered).toBe(false);
  });

  it('fails a service URL that is no URL as a transport error, like an unreachable service', async () => {
    const err = await client().sendActivity({ serviceUrl: 'not a url', botId: 'b' }, 'c', { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
  });

  it('says a connection dropped after the request went out may have reached Teams', async () => {
    handle = (req) => req.socket.destroy();
    const err = await client().sendActivity(route(), 'c', { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).maybeDelivered).toBe(true);
  });

  it('gives up after its timeout, and counts the request as possibly delivered', async () => {
    handle = () => undefined; // never answers
    const err = await client(200).sendActivity(route(), 'c', { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).message).toMatch(/TimeoutError/);
    expect((err as TransportError).maybeDelivered).toBe(true);
  });

  it('reuses its connection for the next requests', async () => {
    handle = (_req, res) => answer(res, 200, { 'content-type': 'application/json' }, '{}');
    const c = client();
    await c.updateActivity(route(), 'c', 'a', { text: 'first' });
    const before = connections;
    for (let i = 0; i < 20; i++) expect((await c.updateActivity(route(), 'c', 'a', { text: `next ${i}` })).ok).toBe(true);
    expect(connections).toBe(before);
  });
});
