import type { TokenCredential } from '@azure/identity';
import { entraCredential } from '../azure/entra-credential';
import { DirectoryPort } from '../domain/directory/directory.port';
import { DomainError } from '../domain/shared/errors';
import type { Logger } from '../log/logger';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const CACHE_MS = 5 * 60_000;
const MAX_CACHE = 5000;
const ID = /^[0-9a-zA-Z-]{1,64}$/;
/** A group's listing stops after this many pages of 999 (about 50,000 people): said in the log, by count. */
const LIST_PAGE_CAP = 50;
const MAX_LISTS = 20;

/** Graph answered with an error status (after the retries on 429). */
export class GraphCallFailed extends Error {
  constructor(readonly status: number, method: string) {
    super(`Graph ${method} answered ${status}`);
  }
}

/** A loopback Graph is a local fake (tests): it gets no token. */
function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Microsoft Graph as the directory: group membership with checkMemberGroups (transitive), group
 * owners from /owners, a group's users from /transitiveMembers (for HR_GROUP_ID's cards, in
 * scheduled jobs). Needs the application permission GroupMember.Read.All for the app's identity.
 * Answers are cached for five minutes; for isInGroup and isGroupOwner any failure counts as "no"
 * (fail closed); checkInGroup and groupUserIds reject with `directoryUnavailable` instead.
 */
export class GraphDirectory implements DirectoryPort {
  private readonly cache = new Map<string, { value: boolean; until: number }>();
  private readonly lists = new Map<string, { value: string[]; until: number }>();
  private readonly credential?: TokenCredential;

  constructor(private readonly baseUrl: string, protected readonly logger: Logger, credential?: TokenCredential) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.credential = isLoopback(this.baseUrl) ? undefined : (credential ?? entraCredential());
  }

  protected async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.credential) {
      const token = await this.credential.getToken(GRAPH_SCOPE);
      if (!token) throw new Error('no Graph token');
      headers.authorization = `Bearer ${token.token}`;
    }
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(path.startsWith('http') ? path : `${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 429 && attempt < 2) {
        const wait = Math.min(10, Number(res.headers.get('retry-after') ?? 1) || 1);
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      if (!res.ok) throw new GraphCallFailed(res.status, method);
      return res.json();
    }
  }

  /** A cached answer, or the lookup's (only answers are cached); a failed lookup rejects. */
  private async lookup(key: string, look: () => Promise<boolean>): Promise<boolean> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await look();
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(key, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  private async cached(key: string, look: () => Promise<boolean>): Promise<boolean> {
    try {
      return await this.lookup(key, look);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'directory lookup failed; treated as no');
      return false;
    }
  }

  private member(userId: string, groupId: string): () => Promise<boolean> {
    return async () => {
      const body = (await this.call('POST', `/v1.0/users/${userId}/checkMemberGroups`, { groupIds: [groupId] })) as { value?: string[] };
      return (body.value ?? []).includes(groupId);
    };
  }

  isInGroup(userId: string, groupId: string): Promise<boolean> {
    if (!ID.test(userId) || !ID.test(groupId)) return Promise.resolve(false);
    return this.cached(`member:${userId}:${groupId}`, this.member(userId, groupId));
  }

  async checkInGroup(userId: string, groupId: string): Promise<boolean> {
    if (!ID.test(userId) || !ID.test(groupId)) return false;
    try {
      return await this.lookup(`member:${userId}:${groupId}`, this.member(userId, groupId));
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'directory lookup failed; asked again later');
      throw new DomainError('directoryUnavailable', 'Graph membership check failed');
    }
  }

  /**
   * The group's users (transitive), lower case, each once: paged by `@odata.nextLink` (followed
   * only on this Graph), at most LIST_PAGE_CAP pages. Cached for five minutes; a page that fails
   * fails the listing (never a part taken for the whole). Only counts are logged.
   */
  async groupUserIds(groupId: string): Promise<string[] | undefined> {
    if (!ID.test(groupId)) return [];
    const hit = this.lists.get(groupId);
    if (hit && hit.until > Date.now()) return hit.value;
    const ids = new Set<string>();
    let read: { complete: boolean; pages: number };
    try {
      read = await this.readPages(`/v1.0/groups/${groupId}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`, LIST_PAGE_CAP, (value) => {
        for (const m of value as { id?: unknown }[]) {
          // An entry without a readable id is a reply we cannot trust whole: someone would go without their card unseen.
          if (typeof m?.id !== 'string' || !ID.test(m.id)) throw new Error('Graph listed a member without a readable id');
          ids.add(m.id.toLowerCase());
        }
      });
    } catch (err) {
      // No such group, or no permission to read it: a setting to fix, not an outage to wait out
      // (retried, it would fail every run for good). Its members are not listed; the log says why.
      if (err instanceof GraphCallFailed && (err.status === 403 || err.status === 404)) {
        this.logger.error({ status: err.status }, 'HR_GROUP_ID cannot be listed (no such group, or GroupMember.Read.All not granted): only HR_USER_IDS get HR cards');
        return undefined;
      }
      this.logger.warn({ err: (err as Error).message }, 'directory group listing failed');
      throw new DomainError('directoryUnavailable', 'Graph group listing failed');
    }
    // A group too large to read whole is not taken as read (HR of more than ~50,000 people: no real case).
    if (!read.complete) {
      this.logger.warn({ pages: read.pages, listed: ids.size }, 'directory group listing stopped at its page cap');
      throw new DomainError('directoryUnavailable', 'Graph group listing stopped at its page cap');
    }
    const value = [...ids];
    if (this.lists.size >= MAX_LISTS) this.lists.clear();
    this.lists.set(groupId, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  /**
   * Reads a Graph collection page by page, each page's `value` to `take`. A reply is a page only
   * with a `value` array (a 200 without one, truncated or from a proxy, is no answer, never an
   * empty page); next pages are followed only on this Graph and never twice (a link back to an
   * earlier page is no answer either). Returns whether it read to the end before `cap` pages.
   * Throws on anything else; `take` throws on an entry it cannot read (found in review, stop 52).
   */
  protected async readPages(first: string, cap: number, take: (value: unknown[]) => void): Promise<{ complete: boolean; pages: number }> {
    const seen = new Set<string>([first]);
    let next: string | undefined = first;
    let pages = 0;
    for (; next && pages < cap; pages++) {
      const body = (await this.call('GET', next)) as { value?: unknown; '@odata.nextLink'?: unknown };
      if (!Array.isArray(body?.value)) throw new Error('Graph answered a page without a value list');
      take(body.value);
      const link = body['@odata.nextLink'];
      if (link !== undefined && (typeof link !== 'string' || !this.sameGraph(link))) throw new Error('Graph named a next page elsewhere');
      if (link !== undefined && seen.has(link)) throw new Error('Graph named a page it had given already');
      if (link !== undefined) seen.add(link);
      next = link;
    }
    return { complete: next === undefined, pages };
  }

  /** A next page's link on the Graph this directory calls (it gets the token). */
  protected sameGraph(link: string): boolean {
    try {
      return new URL(link).origin === new URL(this.baseUrl).origin;
    } catch {
      return false;
    }
  }

  isGroupOwner(userId: string, groupId: string): Promise<boolean> {
    if (!ID.test(userId) || !ID.test(groupId)) return Promise.resolve(false);
    return this.cached(`owner:${userId}:${groupId}`, async () => {
      let next: string | undefined = `/v1.0/groups/${groupId}/owners?$select=id&$top=100`;
      for (let page = 0; next && page < 20; page++) {
        const body = (await this.call('GET', next)) as { value?: { id?: string }[]; '@odata.nextLink'?: string };
        if ((body.value ?? []).some((o) => o.id === userId)) return true;
        next = body['@odata.nextLink'];
      }
      return false;
    });
  }
}
