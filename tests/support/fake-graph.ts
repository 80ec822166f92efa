import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local Microsoft Graph: group membership (checkMemberGroups), group owners, and managers and
 * direct reports, from maps a test fills. `failWith` makes every call answer that status (an
 * outage, throttling). Loopback only.
 */
export class FakeGraph {
  readonly members = new Map<string, Set<string>>();
  readonly owners = new Map<string, Set<string>>();
  /** A person's manager (by id); their direct reports are the people whose manager they are. */
  readonly managers = new Map<string, string>();
  readonly names = new Map<string, string>();
  failWith?: number;
  readonly requests: { method: string; path: string; authorization?: string }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      this.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (this.failWith) return send(this.failWith, { error: { code: 'ServiceUnavailable' } });
      const manager = path.match(/^\/v1\.0\/users\/([^/]+)\/manager$/);
      if (req.method === 'GET' && manager) {
        const id = this.managers.get(manager[1]!);
        return id ? send(200, { id }) : send(404, { error: { code: 'Request_ResourceNotFound' } });
      }
      const reports = path.match(/^\/v1\.0\/users\/([^/]+)\/directReports$/);
      if (req.method === 'GET' && reports) {
        const value = [...this.managers].filter(([, m]) => m === reports[1]).map(([id]) => ({ id, displayName: this.names.get(id) ?? id }));
        return send(200, { value });
      }
      const check = path.match(/^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/);
      if (req.method === 'POST' && check) {
        const groups = (body.groupIds ?? []) as string[];
        return send(200, { value: groups.filter((g) => this.members.get(g)?.has(check[1]!)) });
      }
      const owners = path.match(/^\/v1\.0\/groups\/([^/]+)\/owners$/);
      if (req.method === 'GET' && owners) return send(200, { value: [...(this.owners.get(owners[1]!) ?? [])].map((id) => ({ id })) });
      send(404, { error: { code: 'Request_ResourceNotFound' } });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
