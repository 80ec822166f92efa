import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { startTestCosmos } from '../support/cosmos';
import { CosmosProxy, startProxiedCosmos } from '../support/cosmos-proxy';
import { RecordingConnector } from '../support/recording-connector';

type OutboxOptions = ConstructorParameters<typeof Outbox>[4];

/** A fresh Cosmos protocol server and recording Bot Connector for each test of an outbox suite. */
export function outboxBed(): { readonly cosmos: CosmosConnection; readonly connector: RecordingConnector } {
  let cosmos: CosmosConnection | undefined;
  let connector: RecordingConnector | undefined;
  beforeEach(async () => {
    cosmos = await startTestCosmos();
    connector = await new RecordingConnector().start();
  });
  afterEach(async () => {
    await connector?.stop();
    await cosmos?.close();
  });
  return {
    get cosmos() {
      if (!cosmos) throw new Error('outboxBed: used outside a test');
      return cosmos;
    },
    get connector() {
      if (!connector) throw new Error('outboxBed: used outside a test');
      return connector;
    },
  };
}

/**
 * As outboxBed, with the store behind a fault-injecting proxy (`proxy.faults`), and an outbox of its
 * own per test (`start`, stopped after the test): for the store's lost answers and refusals.
 */
export function proxiedOutboxBed(): { readonly proxy: CosmosProxy; readonly connector: RecordingConnector; start(options: OutboxOptions): Outbox } {
  let env: Awaited<ReturnType<typeof startProxiedCosmos>> | undefined;
  let connector: RecordingConnector | undefined;
  let box: Outbox | undefined;
  beforeEach(async () => {
    env = await startProxiedCosmos();
    connector = await new RecordingConnector().start();
  });
  afterEach(async () => {
    await box?.stop();
    box = undefined;
    await connector?.stop();
    await env?.close();
  });
  const silent = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
  return {
    get proxy() {
      if (!env) throw new Error('proxiedOutboxBed: used outside a test');
      return env.proxy;
    },
    get connector() {
      if (!connector) throw new Error('proxiedOutboxBed: used outside a test');
      return connector;
    },
    start(options) {
      if (!env) throw new Error('proxiedOutboxBed: used outside a test');
      box = new Outbox(env.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), silent, options);
      return box;
    },
  };
}

/**
 * Outbox instances on a bed's store, each stopped after the test: several instances of the app (a
 * stopping one and the next), with a Bot Connector client that has no token, a rate limiter of
 * Teams' limits and quick rounds.
 */
export function outboxInstances(bed: { readonly cosmos: CosmosConnection }): () => Outbox {
  const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
  const outboxes: Outbox[] = [];
  afterEach(async () => {
    for (const box of outboxes.splice(0)) await box.stop();
  });
  return () => {
    const box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, { concurrency: 2, idleMs: 20, tenantLeaseMs: 1000 });
    outboxes.push(box);
    return box;
  };
}

/** A group's session summary for a bed's connector, rendered when it is sent (`render` kind `summary`). */
export function summaryMessage(bed: { readonly connector: RecordingConnector }) {
  return {
    key: 'summary-1',
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'conversation' as const, conversationId: '19:group@thread.v2' },
    payload: { type: 'message', renderedWhenSent: true },
    render: { kind: 'summary', args: {} },
  };
}
