import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId?: string;
  /** The id the connector assigned (POST) or the id that was updated (PUT). */
  id: string;
  activity: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
}

export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
}

/** Every request the connector saw, for rate and order checks. */
export interface SeenRequest {
  at: number;
  method: string;
  path: string;
  /** The conversation a send or update went to (threads count as their channel), if any. */
  conversationKey?: string;
  /** The tenant the request names (activity conversation, or the 1:1 creation), if any. */
  tenant: string;
  status: number;
}

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId?: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
}

/** An injected failure: answered instead of the real response. */
export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  code?: string;
}

export type FaultRule = (req: ConnectorRequest) => Fault | undefined;

/** A small seeded generator, so injected faults are random but repeatable. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

/** Answers a share of the proactive calls (sends, 1:1 creation) with 429 and 503, as Teams may. */
export function randomFaults(opts: { rate429?: number; rate503?: number; retryAfterSeconds?: number; seed?: number }): FaultRule {
  const random = seededRandom(opts.seed ?? 42);
  return (req) => {
    if (req.method !== 'POST') return undefined;
    const r = random();
    if (r < (opts.rate429 ?? 0)) return { status: 429, retryAfterSeconds: opts.retryAfterSeconds ?? 1 };
    if (r < (opts.rate429 ?? 0) + (opts.rate503 ?? 0)) return { status: 503 };
    return undefined;
  };
}

/**
 * A local Bot Connector: accepts what the bot sends (new messages, replies, updates), answers
 * roster requests, and records everything so tests can read what users would have seen.
 */
export class RecordingConnector {
  readonly calls: RecordedCall[] = [];
  roster: RosterMember[] = [];
  /** Rosters per team id (pagedmembers of the team); `roster` answers for anything else. */
  readonly teamRosters = new Map<string, RosterMember[]>();
  /** Channels per team id; the General channel has the team's id and no name. */
  readonly teamChannels = new Map<string, { id: string; name?: string }[]>();
  readonly teamDetails = new Map<string, { name: string; aadGroupId?: string }>();
  /** Every request, in arrival order. */
  readonly requests: SeenRequest[] = [];
  /** 1:1 chats opened with POST /v3/conversations: member id -> conversation id. */
  readonly personalChats = new Map<string, string>();
  /** Users who blocked the bot: opening or writing to their 1:1 chat answers 403. */
  readonly blocked = new Set<string>();
  /** Injected failures, checked in order before the real handling. */
  faults: FaultRule[] = [];
  /** Requests a test holds back until it lets them go (the returned promise settles). */
  holds: ((req: ConnectorRequest) => Promise<void> | undefined)[] = [];
  /**
   * Teams' limits, enforced like Teams: a request over a limit in any 1-second window gets a 429
   * and is written down in `violations`, which a test expects to stay empty.
   */
  limits?: { perAppPerSecond: number; perConversationPerSecond: number };
  readonly violations: string[] = [];
  /** Simulated network and processing time per request. */
  latencyMs = 0;
  private readonly windows = new Map<string, number[]>();
  private server?: Server;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Arrival is when the request line came in, not when its body was read.
    const arrivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const activityPath = path.match(/^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/);
    const conversationKey = activityPath ? activityPath[1]!.split(';messageid=')[0] : undefined;
    const tenant = String(body?.conversation?.tenantId ?? body?.tenantId ?? body?.channelData?.tenant?.id ?? 'unknown');
    const seen: SeenRequest = { at: this.latencyMs ? Date.now() : arrivedAt, method: req.method ?? '', path, conversationKey, tenant, status: 0 };
    this.requests.push(seen);
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      seen.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (this.limits && this.overLimit(seen)) return answer(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
    const request: ConnectorRequest = { method: req.method ?? '', path, conversationId: activityPath?.[1], body };
    for (const hold of this.holds) await hold(request);
    for (const rule of this.faults) {
      const fault = rule(request);
      if (fault) return answer(fault.status, { error: { code: fault.code ?? String(fault.status) } }, fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
    }
    const blockedChat = activityPath && [...this.blocked].some((u) => this.personalChats.get(u) === activityPath[1]);
    if (blockedChat) return answer(403, { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } });

    if (req.method === 'POST' && path === '/v3/conversations') return this.createConversation(body, answer);
    const teamChannels = path.match(/^\/v3\/teams\/(.+)\/conversations$/);
    if (req.method === 'GET' && teamChannels) {
      const teamId = teamChannels[1]!;
      return answer(200, { conversations: this.teamChannels.get(teamId) ?? [{ id: teamId, name: null }] });
    }
    const teamDetails = path.match(/^\/v3\/teams\/([^/]+)$/);
    if (req.method === 'GET' && teamDetails) {
      const details = this.teamDetails.get(teamDetails[1]!);
      return details ? answer(200, { id: teamDetails[1], ...details }) : answer(404, { error: { code: 'NotFound' } });
    }
    // One member of the chat (Teams' getMember), by Teams id: 404 when the roster does not list them.
    const one = path.match(/^\/v3\/conversations\/(.+)\/members\/([^/]+)$/);
    if (req.method === 'GET' && one) {
      const found = (this.teamRosters.get(one[1]!) ?? this.roster).find((m) => m.id === one[2]);
      return found ? answer(200, { id: found.id, aadObjectId: found.aadObjectId, name: found.name }) : answer(404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    const members = path.match(/^\/v3\/conversations\/(.+)\/(pagedmembers|members)$/);
    if (req.method === 'GET' && members) {
      const all = (this.teamRosters.get(members[1]!) ?? this.roster).map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name }));
      if (members[2] === 'members') return answer(200, all);
      const size = Math.max(1, Math.min(500, Number(query.get('pageSize') ?? 100) || 100));
      const start = Number(query.get('continuationToken') ?? 0) || 0;
      const next = start + size < all.length ? String(start + size) : undefined;
      return answer(200, { members: all.slice(start, start + size), ...(next ? { continuationToken: next } : {}) });
    }
    const m = activityPath;
    if (!m) return answer(404, { error: 'unknown path' });
    const [, conversationId, activityId] = m as unknown as [string, string, string | undefined];
    if (req.method === 'PUT' && activityId) {
      this.calls.push({ method: 'PUT', conversationId, activityId, id: activityId, activity: body });
      return answer(200, { id: activityId });
    }
    if (req.method === 'POST') {
      const id = `msg-${this.nextId++}`;
      this.calls.push({ method: 'POST', conversationId, activityId, id, activity: body });
      return answer(200, { id });
    }
    answer(405, {});
  }

  /** POST /v3/conversations: a 1:1 chat (the same one for the same member), or a new channel thread. */
  private createConversation(body: any, answer: (status: number, json: unknown) => void): void { // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    if (!body?.isGroup) {
      const member = body?.members?.[0]?.id as string | undefined;
      if (!member) return answer(400, { error: { code: 'BadArgument' } });
      if (this.blocked.has(member)) return answer(403, { error: { code: 'Forbidden', innerHttpError: { statusCode: 403, body: { subCode: 'MessageWritesBlocked' } } } });
      let id = this.personalChats.get(member);
      if (!id) {
        id = `a:1on1-${member}`;
        this.personalChats.set(member, id);
      }
      return answer(201, { id });
    }
    const channelId = body?.channelData?.channel?.id as string | undefined;
    if (!channelId) return answer(400, { error: { code: 'BadArgument' } });
    const activityId = `msg-${this.nextId++}`;
    if (body.activity) this.calls.push({ method: 'POST', conversationId: channelId, id: activityId, activity: body.activity });
    answer(201, { id: `${channelId};messageid=${activityId}`, activityId });
  }

  /** Counts the request in its 1-second windows; true (and a violation) when it goes over a limit. */
  private overLimit(seen: SeenRequest): boolean {
    const limits = this.limits!;
    const check = (key: string, limit: number) => {
      const stamps = this.windows.get(key) ?? [];
      while (stamps.length && stamps[0]! <= seen.at - 1000) stamps.shift();
      stamps.push(seen.at);
      this.windows.set(key, stamps);
      return stamps.length > limit;
    };
    const overApp = check(`app:${seen.tenant}`, limits.perAppPerSecond);
    const overConversation = seen.conversationKey !== undefined && check(`conv:${seen.conversationKey}`, limits.perConversationPerSecond);
    if (overApp) this.violations.push(`app in tenant ${seen.tenant}: more than ${limits.perAppPerSecond} requests within 1 s at ${seen.at}`);
    if (overConversation) this.violations.push(`conversation ${seen.conversationKey}: more than ${limits.perConversationPerSecond} within 1 s at ${seen.at}`);
    return overApp || overConversation;
  }

  /** Cards the bot posted or updated, newest last. */
  cards(filter: (c: RecordedCall) => boolean = () => true): { call: RecordedCall; card: any }[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
    return this.calls
      .filter(filter)
      .flatMap((call) => (call.activity.attachments ?? []).filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: any) => ({ call, card: a.content }))); // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  }

  texts(): string[] {
    return this.calls.map((c) => c.activity.text).filter((t): t is string => typeof t === 'string');
  }

  /** The latest content of a message, after any updates. */
  latest(id: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
    const last = [...this.calls].reverse().find((c) => c.id === id);
    return last?.activity.attachments?.[0]?.content;
  }

  clear(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
