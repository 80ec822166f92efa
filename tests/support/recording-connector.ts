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

/**
 * A local Bot Connector: accepts what the bot sends (new messages, replies, updates), answers
 * roster requests, and records everything so tests can read what users would have seen.
 */
export class RecordingConnector {
  readonly calls: RecordedCall[] = [];
  roster: RosterMember[] = [];
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
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const members = path.match(/^\/v3\/conversations\/(.+)\/(pagedmembers|members)$/);
    if (req.method === 'GET' && members) {
      const list = this.roster.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name }));
      return send(200, members[2] === 'pagedmembers' ? { members: list } : list);
    }
    const m = path.match(/^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/);
    if (!m) return send(404, { error: 'unknown path' });
    const [, conversationId, activityId] = m as unknown as [string, string, string | undefined];
    if (req.method === 'PUT' && activityId) {
      this.calls.push({ method: 'PUT', conversationId, activityId, id: activityId, activity: body });
      return send(200, { id: activityId });
    }
    if (req.method === 'POST') {
      const id = `msg-${this.nextId++}`;
      this.calls.push({ method: 'POST', conversationId, activityId, id, activity: body });
      return send(200, { id });
    }
    send(405, {});
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
