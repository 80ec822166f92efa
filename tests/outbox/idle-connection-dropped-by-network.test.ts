import { createConnection, createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/** How long the network keeps an idle connection (Azure's load balancer and SNAT: 4 minutes). */
const NETWORK_IDLE_MS = 1500;
/** How long the client keeps an idle connection for its next request: well within the network's. */
const CLIENT_IDLE_MS = 100;

/**
 * The path to Teams: forgets a connection that was idle for NETWORK_IDLE_MS without telling either
 * end, and answers the next packet on it with a reset, which reaches nobody (as a load balancer or
 * NAT that dropped the flow does).
 */
class ForgetfulNetwork {
  forgotten = 0;
  closedByClient = 0;
  private server?: Server;
  private readonly open = new Set<Socket>();
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    const { hostname, port } = new URL(this.target);
    this.server = createServer((client) => {
      const upstream = createConnection({ host: hostname, port: Number(port) });
      this.open.add(client).add(upstream);
      let forgotten = false;
      client.setTimeout(NETWORK_IDLE_MS, () => {
        forgotten = true;
        this.forgotten++;
        upstream.destroy();
      });
      client.on('data', (chunk) => (forgotten ? client.resetAndDestroy() : upstream.write(chunk)));
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('end', () => {
        if (!forgotten) this.closedByClient++;
        upstream.destroy();
        client.destroy();
      });
      for (const s of [client, upstream]) {
        s.on('error', () => undefined);
        s.on('close', () => this.open.delete(s));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * Found in review, stop 47. The Bot Connector client kept idle connections open for as long as the
 * far end did, but a load balancer or NAT on the way forgets an idle connection (Azure: after 4
 * minutes) without telling either end. The next message went out on that connection, met a reset
 * and, with no answer, counted as "maybe delivered": in doubt, never resent, though it reached
 * nobody. The client now closes a connection it has not used for a while itself, well before the
 * network forgets it: the next message opens a new connection, and is delivered.
 */
describe('a kept-alive connection the network forgot while idle', () => {
  const bed = outboxBed();
  let network: ForgetfulNetwork | undefined;
  let client: BotConnectorClient | undefined;
  afterEach(async () => {
    client?.close();
    await network?.stop();
  });

  it('the next message after a quiet spell is delivered, not left in doubt', async () => {
    network = await new ForgetfulNetwork(bed.connector.url).start();
    client = new BotConnectorClient(async () => undefined, 5000, { idleSocketMs: CLIENT_IDLE_MS });
    const box = new Outbox(bed.cosmos, client, new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, { concurrency: 2 });
    const message = (n: number) => ({
      key: `message-${n}`,
      tenantId: 'tenant-1',
      route: { serviceUrl: network!.url, botId: '28:bot' },
      target: { kind: 'conversation' as const, conversationId: '19:group@thread.v2' },
      payload: { text: `bericht ${n}` },
    });

    expect((await box.deliver(message(1))).status).toBe('sent');
    // A quiet spell: either the network forgot the connection, or the client closed it first.
    await waitUntil('the idle connection was forgotten by the network or closed by the client', () => network!.forgotten + network!.closedByClient > 0);

    const second = await box.deliver(message(2));
    expect({ status: second.status, forgotten: network.forgotten }).toEqual({ status: 'sent', forgotten: 0 });
    expect(bed.connector.texts()).toEqual(['bericht 1', 'bericht 2']);
  }, 30_000);
});
