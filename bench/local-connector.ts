import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local Bot Connector for the benchmark: opens 1:1 chats and accepts messages, enforces Teams'
 * limits per tenant and per conversation over any 1-second window (answering 429 and counting a
 * violation), and answers a share of the calls with 429 as Teams may.
 */
export class LocalConnector {
  requests = 0;
  throttled = 0;
  violations = 0;
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

  private over(key: string, limit: number | undefined, at: number): boolean {
    if (!limit) return false;
    const stamps = this.windows.get(key) ?? [];
    while (stamps.length && stamps[0]! <= at - 1000) stamps.shift();
    stamps.push(at);
    this.windows.set(key, stamps);
    return stamps.length > limit;
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
    const conversation = path.match(/^\/v3\/conversations\/(.+?)\/activities$/)?.[1];
    const tenant = String(body?.conversation?.tenantId ?? body?.tenantId ?? 'unknown');
    const overTenant = this.over(`t:${tenant}`, this.opts.perTenant, at);
    const overConversation = conversation !== undefined && this.over(`c:${conversation}`, this.opts.perConversation, at);
    if (overTenant || overConversation) {
      this.violations++;
      return send(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    }
    if (this.random() < this.opts.rate429) {
      this.throttled++;
      return send(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    }
    if (req.method === 'POST' && path === '/v3/conversations') return send(201, { id: `a:1on1-${body?.members?.[0]?.id}` });
    if (req.method === 'POST' && conversation) {
      this.delivered.set(conversation, (this.delivered.get(conversation) ?? 0) + 1);
      return send(201, { id: `m-${this.requests}` });
    }
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
