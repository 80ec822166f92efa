import http from 'node:http';
import https from 'node:https';
import { OutboxTransport, Route, TransportError, TransportResponse } from '../../outbox/transport';

export type TokenProvider = (serviceUrl: string) => Promise<string | undefined>;

export interface TeamMember {
  /** Teams user id (29:...), for 1:1 chats and card refresh lists. */
  id: string;
  /** Entra object id: the stable identity. */
  aadObjectId?: string;
}

export interface TeamChannel {
  id: string;
  /** The General channel has no name in this API. */
  name?: string;
}

/** Well within the shortest idle timeout of the networks on the way (Azure's load balancer and SNAT: 4 minutes). */
const IDLE_SOCKET_MS = 30_000;

const CONNECTION_REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED']);

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The most specific error code Teams gives (e.g. ConversationBlockedByUser, MessageWritesBlocked). */
function errorCode(body: unknown): string | undefined {
  const b = body as { error?: { code?: unknown; subCode?: unknown; innerHttpError?: { body?: { subCode?: unknown } } }; subCode?: unknown } | undefined;
  const candidates = [b?.error?.innerHttpError?.body?.subCode, b?.error?.subCode, b?.subCode, b?.error?.code];
  const found = candidates.find((c) => typeof c === 'string' && c.length > 0) as string | undefined;
  return found?.slice(0, 80);
}

/** What one request got back: its status, the `retry-after` header and the body as text. */
interface RawResponse {
  status: number;
  retryAfter: string | null;
  text: string;
}

/**
 * One request over node:http(s), on kept-alive connections. Not fetch: undici's fetch costs three
 * to four times the CPU per request (about a millisecond more on this machine), and every shared
 * card update and outbox message is one. Rejects only when no status came back, with the socket
 * error's code.
 */
function send(agents: { http: http.Agent; https: https.Agent }, url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RawResponse> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, { method, headers, agent: secure ? agents.https : agents.http }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      // A body cut off halfway still has its status; what the body said is lost, as with fetch.
      const done = (complete: boolean) => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null, text: complete ? text : '' });
      };
      res.on('end', () => done(true));
      res.on('close', () => done(res.complete));
      res.on('error', () => done(false));
    });
    // The whole exchange has `timeoutMs`, as fetch's timeout signal had, not each pause on the socket.
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

/**
 * The Bot Connector REST API over plain HTTP. The botbuilder client retries 429 and 5xx inside
 * its HTTP pipeline, out of the outbox's sight: that would bypass its rate limits and could send a
 * message twice after a timeout. This client makes exactly one request per call and reports
 * every status as it came.
 */
export class BotConnectorClient implements OutboxTransport {
  private readonly agents: { http: http.Agent; https: https.Agent };

  /**
   * `idleSocketMs`: how long a kept-alive connection waits unused for the next request before the
   * client closes it. A load balancer or NAT on the way forgets an idle connection without telling
   * either end (Azure: after 4 minutes); a message sent on it meets a reset with no answer, counts
   * as maybe delivered and is never resent, though it reached nobody. Closed well before that, the
   * next message opens a new connection instead.
   */
  constructor(private readonly token: TokenProvider, private readonly timeoutMs = 30_000, options: { idleSocketMs?: number } = {}) {
    // The agent's `timeout` closes a free socket idle this long (node's Agent destroys only free
    // sockets on it); a request in progress keeps its own deadline (`timeoutMs`).
    const timeout = options.idleSocketMs ?? IDLE_SOCKET_MS;
    this.agents = { http: new http.Agent({ keepAlive: true, timeout }), https: new https.Agent({ keepAlive: true, timeout }) };
  }

  private async request<T>(serviceUrl: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<TransportResponse<{ body: T }>> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (data !== undefined) headers['content-length'] = String(Buffer.byteLength(data));
    let token: string | undefined;
    try {
      token = await this.token(serviceUrl);
    } catch (err) {
      // No token (Entra unreachable, refused): no request left, so the message was certainly not
      // delivered and the outbox tries it again, rather than counting it as perhaps sent.
      throw new TransportError(`${method} ${path.split('/')[2] ?? ''}: no token (${(err as Error).name})`, false);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    let res: RawResponse;
    try {
      // Inside the try: a service URL that is no URL fails like an unreachable one, as a TransportError.
      res = await send(this.agents, new URL(`${serviceUrl.replace(/\/+$/, '')}${path}`), method, headers, data, this.timeoutMs);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const refused = code !== undefined && CONNECTION_REFUSED.has(code);
      throw new TransportError(`${method} ${path.split('/')[2] ?? ''}: ${(err as Error).name} ${code ?? ''}`.trim(), !refused);
    }
    let json: unknown;
    try {
      json = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status >= 200 && res.status < 300) return { ok: true, body: json as T };
    return { ok: false, status: res.status, retryAfterMs: retryAfterMs(res.retryAfter), code: errorCode(json) };
  }

  /** Closes the kept-alive connections (shutdown). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async createPersonalConversation(route: Route, tenantId: string, userId: string): Promise<TransportResponse<{ conversationId: string }>> {
    const res = await this.request<{ id?: string }>(route.serviceUrl, 'POST', '/v3/conversations', {
      bot: route.botId ? { id: route.botId } : undefined,
      members: [{ id: userId }],
      isGroup: false,
      tenantId,
      channelData: { tenant: { id: tenantId } },
    });
    if (!res.ok) return res;
    if (!res.body?.id) return { ok: false, status: 502, code: 'noConversationId' };
    return { ok: true, conversationId: res.body.id };
  }

  async sendActivity(route: Route, conversationId: string, activity: Record<string, unknown>): Promise<TransportResponse<{ activityId?: string }>> {
    const res = await this.request<{ id?: string }>(route.serviceUrl, 'POST', `/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      type: 'message',
      ...activity,
      conversation: { id: conversationId, ...(route.tenantId ? { tenantId: route.tenantId } : {}) },
      ...(route.botId ? { from: { id: route.botId } } : {}),
    });
    return res.ok ? { ok: true, activityId: res.body?.id } : res;
  }

  async updateActivity(route: Route, conversationId: string, activityId: string, activity: Record<string, unknown>): Promise<TransportResponse<{ activityId?: string }>> {
    const res = await this.request<{ id?: string }>(
      route.serviceUrl,
      'PUT',
      `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`,
      {
        type: 'message',
        ...activity,
        id: activityId,
        conversation: { id: conversationId, ...(route.tenantId ? { tenantId: route.tenantId } : {}) },
        ...(route.botId ? { from: { id: route.botId } } : {}),
      },
    );
    return res.ok ? { ok: true, activityId } : res;
  }

  /** One page of a team's members (TeamsInfo.getPagedTeamMembers). */
  async teamMembersPage(serviceUrl: string, teamId: string, continuationToken?: string): Promise<TransportResponse<{ members: TeamMember[]; continuationToken?: string }>> {
    const query = `?pageSize=500${continuationToken ? `&continuationToken=${encodeURIComponent(continuationToken)}` : ''}`;
    const res = await this.request<{ members?: { id: string; aadObjectId?: string }[]; continuationToken?: string }>(
      serviceUrl,
      'GET',
      `/v3/conversations/${encodeURIComponent(teamId)}/pagedmembers${query}`,
    );
    if (!res.ok) return res;
    return { ok: true, members: (res.body?.members ?? []).map((m) => ({ id: m.id, aadObjectId: m.aadObjectId })), continuationToken: res.body?.continuationToken || undefined };
  }

  /** A team's channels (TeamsInfo.getTeamChannels). */
  async teamChannels(serviceUrl: string, teamId: string): Promise<TransportResponse<{ channels: TeamChannel[] }>> {
    const res = await this.request<{ conversations?: { id: string; name?: string | null }[] }>(serviceUrl, 'GET', `/v3/teams/${encodeURIComponent(teamId)}/conversations`);
    if (!res.ok) return res;
    return { ok: true, channels: (res.body?.conversations ?? []).map((c) => ({ id: c.id, name: c.name ?? undefined })) };
  }

  /** A team's name and Entra group (TeamsInfo.getTeamDetails). */
  async teamDetails(serviceUrl: string, teamId: string): Promise<TransportResponse<{ name?: string; aadGroupId?: string }>> {
    const res = await this.request<{ name?: string; aadGroupId?: string }>(serviceUrl, 'GET', `/v3/teams/${encodeURIComponent(teamId)}`);
    if (!res.ok) return res;
    return { ok: true, name: res.body?.name, aadGroupId: res.body?.aadGroupId };
  }
}
