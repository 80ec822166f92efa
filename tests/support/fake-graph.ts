import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local Microsoft Graph: group membership (checkMemberGroups), a group's users
 * (transitiveMembers/microsoft.graph.user, from `members`, paged by `pageSize`), group owners, and
 * managers and direct reports, and every user with their manager (`/users?$expand=manager`, paged
 * by `usersPageSize`), from maps a test fills. `failWith` makes every call answer that
 * status (an outage, throttling); `failWhen` only the calls it picks. Loopback only.
 */
export class FakeGraph {
  readonly members = new Map<string, Set<string>>();
  readonly owners = new Map<string, Set<string>>();
  /** A person's manager (by id); their direct reports are the people whose manager they are. */
  readonly managers = new Map<string, string>();
  readonly names = new Map<string, string>();
  /** Accounts that are disabled (`accountEnabled: false`): someone who left, their account kept. */
  readonly disabled = new Set<string>();
  failWith?: number;
  /** A status for the calls it picks (e.g. only the listing), undefined for the others. */
  failWhen?: (call: { method: string; path: string; page: number }) => number | undefined;
  /** Users per page of a group's listing (Graph: up to 999): 1 makes a two-member group two pages. */
  pageSize = 999;
  /** Users per page of the listing of every user with `$expand=manager` (Graph: up to 100). */
  usersPageSize = 100;
  /** Where that listing's next pages point (another host: a next link this app must not follow). */
  usersNextLinkBase?: string;
  readonly requests: { method: string; path: string; authorization?: string; search?: string }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      const query = new URL(req.url ?? '/', 'http://graph.local').searchParams;
      const page = Number(query.get('$skiptoken') ?? 0) || 0;
      this.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, search: query.toString() });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (this.failWith) return send(this.failWith, { error: { code: 'ServiceUnavailable' } });
      const failing = this.failWhen?.({ method: req.method ?? '', path, page });
      if (failing) return send(failing, { error: { code: 'ServiceUnavailable' } });
      const listing = path.match(/^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/);
      if (req.method === 'GET' && listing) {
        const all = [...(this.members.get(listing[1]!) ?? [])];
        const size = Math.max(1, this.pageSize);
        const value = all.slice(page * size, (page + 1) * size).map((id) => ({ '@odata.type': '#microsoft.graph.user', id }));
        const more = (page + 1) * size < all.length;
        return send(200, { value, ...(more ? { '@odata.nextLink': `${this.url}/v1.0/groups/${listing[1]}/transitiveMembers/microsoft.graph.user?$select=id&$top=${size}&$skiptoken=${page + 1}` } : {}) });
      }
      if (req.method === 'GET' && path === '/v1.0/users') {
        // Every user with their manager (`$expand=manager`): Graph gives at most 100 a page then.
        if (!(query.get('$expand') ?? '').startsWith('manager')) return send(400, { error: { code: 'Request_UnsupportedQuery' } });
        const all = [...new Set([...this.managers.keys(), ...this.managers.values(), ...this.names.keys()])];
        const size = Math.max(1, Math.min(100, this.usersPageSize, Number(query.get('$top') ?? 100) || 100));
        const value = all.slice(page * size, (page + 1) * size).map((id) => ({ id, accountEnabled: !this.disabled.has(id), ...(this.managers.has(id) ? { manager: { '@odata.type': '#microsoft.graph.user', id: this.managers.get(id) } } : {}) }));
        const more = (page + 1) * size < all.length;
        const next = `${this.usersNextLinkBase ?? this.url}/v1.0/users?$select=id,accountEnabled&$expand=manager($select=id)&$top=${size}&$skiptoken=${page + 1}`;
        return send(200, { value, ...(more ? { '@odata.nextLink': next } : {}) });
      }
      const manager = path.match(/^\/v1\.0\/users\/([^/]+)\/manager$/);
      if (req.method === 'GET' && manager) {
        const id = this.managers.get(manager[1]!);
        return id ? send(200, { id }) : send(404, { error: { code: 'Request_ResourceNotFound' } });
      }
      const reports = path.match(/^\/v1\.0\/users\/([^/]+)\/directReports$/);
      if (req.method === 'GET' && reports) {
        const value = [...this.managers].filter(([, m]) => m === reports[1]).map(([id]) => ({ id, displayName: this.names.get(id) ?? id, accountEnabled: !this.disabled.has(id) }));
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
