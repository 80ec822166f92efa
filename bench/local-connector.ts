import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local Bot Connector for the benchmark: opens 1:1 chats, accepts messages and updates, enforces
 * Teams' limits per tenant and per conversation over any 1-second window (answering 429 and
 * counting a violation), and answers a share of the calls with 429 as Teams may.
 */
export class LocalConnector {
  requests = 0;
  throttled = 0;
  violations = 0;
  /** The most requests seen within one second, per tenant and per conversation (at most the limits). */
  peak = { tenant: 0, conversation: 0 };
  delivered = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
  private server?: Server;
  private seed = 12345;
  url = '';

  constructor(private readonly opts: { perTenant?: number; perConversation?: number; rate429: number }) {}

  private random(): number {
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    return (this.seed >>> 0) / 0x100000000;
  }

  /** Counts a request at `at` in its 1-second window; returns how many the window now holds. */
  private count(key: string, at: number): number {
    const stamps = this.windows.get(key) ?? [];
    while (stamps.length && stamps[0]! <= at - 1000) stamps.shift();
    stamps.push(at);
    this.windows.set(key, stamps);
    return stamps.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    this.requests++;
    const activity = path.match(/^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/);
    const conversation = activity?.[1]?.split(';messageid=')[0];
    const tenant = String(body?.conversation?.tenantId ?? body?.tenantId ?? 'unknown');
    const inTenant = this.count(`t:${tenant}`, at);
    const inConversation = conversation !== undefined ? this.count(`c:${conversation}`, at) : 0;
    this.peak.tenant = Math.max(this.peak.tenant, inTenant);
    this.peak.conversation = Math.max(this.peak.conversation, inConversation);
    const over = (this.opts.perTenant !== undefined && inTenant > this.opts.perTenant) || (this.opts.perConversation !== undefined && inConversation > this.opts.perConversation);
    if (over) {
      this.violations++;
      return send(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    }
    if (this.random() < this.opts.rate429) {
      this.throttled++;
      return send(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    }
    if (req.method === 'POST' && path === '/v3/conversations') return send(201, { id: `a:1on1-${body?.members?.[0]?.id}` });
    if (req.method === 'POST' && activity && !activity[2]) {
      const key = activity[1]!;
      this.delivered.set(key, (this.delivered.get(key) ?? 0) + 1);
      return send(201, { id: `m-${this.requests}` });
    }
    if (req.method === 'PUT' && activity?.[2]) return send(200, { id: activity[2] });
    send(404, {});
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
