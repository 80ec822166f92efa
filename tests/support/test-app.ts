import { Departure, TimedConnectorClient } from './departure-log';
import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config/config';
import { RunningApp, startApp } from '../../src/app/compose';
import { BusinessEvents } from '../../src/domain/shared/business-events';
import { createLogger } from '../../src/log/logger';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { RetryPauses } from '../../src/store/document-store';
import { ConversationSpec } from './activities';
import { startTestCosmos } from './cosmos';
import { CosmosProxy, startProxiedCosmos } from './cosmos-proxy';
import { FakeClock } from './fake-clock';
import { RecordingConnector } from './recording-connector';
import { testWindowClock } from './test-window-clock';
import { WindowClock } from '../../src/usecases/verantwoording/window-clock';

export interface TestApp {
  app: RunningApp;
  connector: RecordingConnector;
  /** Every Bot Connector call the app made, as it left (the limits are promised on these). */
  departures: Departure[];
  /** The store as the app sees it (through the proxy, when there is one). */
  cosmos: CosmosConnection;
  /** The store read directly, never counted or failed: for the test's own checks. */
  store: CosmosConnection;
  /** Counts (and can fail) every Cosmos request the app makes; only with `{ proxy: true }`. */
  proxy?: CosmosProxy;
  clock: FakeClock;
  logs: string[];
  /** Posts an activity to /api/messages as Teams would; returns the HTTP status and JSON body. */
  send(activity: Record<string, unknown>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- invoke responses are free-form JSON
  conversation(type: ConversationSpec['type'], id?: string): ConversationSpec;
  stop(): Promise<void>;
}

/**
 * Store retry pauses for a test of an outage that does not check the pauses themselves: the same
 * tries as production, a few milliseconds apart instead of up to 200 ms (`storeRetryPauses`).
 */
export const SHORT_STORE_RETRY_PAUSES: RetryPauses = { baseMs: 1, capMs: 4 };

/**
 * The save window tests run with (production: SAVE_WINDOW_MS, save-window.ts), measured by
 * `testWindowClock`, which only erasures and tests move: a save of one's own records is late only
 * when a test held it and moved the clock (by real time, one took over 3 s under a load of ~35 in
 * development, and a retried plan press over 2 s on CI in stop 64).
 */
export const TEST_SAVE_WINDOW_MS = 2_000;

/** The whole app on an ephemeral port, with a real Cosmos protocol server and a recording connector. */
export async function startTestApp(
  env: Record<string, string> = {},
  start = '2026-11-23T08:00:00Z',
  opts: { proxy?: boolean; seed?: (cosmos: CosmosConnection) => Promise<void>; cosmos?: CosmosConnection; realClock?: boolean; sharedCardIntervalMs?: number; sharedCardOvertakeCheckMs?: number; outboxTimings?: { backoffBaseMs: number; backoffCapMs: number; deliverWaitMs?: number; guardedRetryMs?: number }; events?: BusinessEvents; draftBudgetMs?: number; prepSummaryWaitMs?: number; prepSummaryBudgetMs?: number; storeRetryPauses?: RetryPauses; saveWindowMs?: number; windowClock?: WindowClock; tallyWriteBudgetMs?: number } = {},
): Promise<TestApp> {
  const connector = await new RecordingConnector().start();
  const proxied = opts.proxy ? await startProxiedCosmos() : undefined;
  const cosmos = opts.cosmos ?? proxied?.cosmos ?? (await startTestCosmos());
  // Data written before the app starts, e.g. by an earlier version (migration tests).
  if (opts.seed) await opts.seed(cosmos);
  const clock = new FakeClock(new Date(start));
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { logs.push(chunk.toString()); cb(); } });
  // The test app always runs on the test's own embedded server, also with bot authentication on.
  const config = parseConfig({ PORT: '1', LOG_LEVEL: 'info', COSMOS_EMBEDDED: 'true', ...env });
  config.port = 0;
  const departures: Departure[] = [];
  const app = await startApp(config, {
    logger: createLogger('info', sink),
    clock: opts.realClock ? undefined : clock,
    cosmos,
    startScheduler: false,
    sharedCardIntervalMs: opts.sharedCardIntervalMs,
    // Off unless a test asks (production: OVERTAKE_CHECK_MS): on a loaded machine any update may take
    // that long, and its read more would change what tests of requests per turn count.
    sharedCardOvertakeCheckMs: opts.sharedCardOvertakeCheckMs ?? Number.POSITIVE_INFINITY,
    // A retried send waits a tenth of production's back-off: the same order of retries, without
    // waiting out seconds a test only spends idle (tests/outbox covers the production timings).
    outboxTimings: opts.outboxTimings ?? { backoffBaseMs: 100, backoffCapMs: 6_000 },
    ...(opts.events ? { events: opts.events } : {}),
    ...(opts.draftBudgetMs ? { draftBudgetMs: opts.draftBudgetMs } : {}),
    ...(opts.prepSummaryWaitMs ? { prepSummaryWaitMs: opts.prepSummaryWaitMs } : {}),
    ...(opts.prepSummaryBudgetMs ? { prepSummaryBudgetMs: opts.prepSummaryBudgetMs } : {}),
    ...(opts.storeRetryPauses ? { storeRetryPauses: opts.storeRetryPauses } : {}),
    ...(opts.tallyWriteBudgetMs ? { tallyWriteBudgetMs: opts.tallyWriteBudgetMs } : {}),
    saveWindowMs: opts.saveWindowMs ?? TEST_SAVE_WINDOW_MS,
    // Moved only by erasures and tests (test-window-clock.ts): a test of the real wait passes processClock.
    windowClock: opts.windowClock ?? testWindowClock,
    connectorClient: (token) => new TimedConnectorClient(departures, token, 30_000),
  });
  return {
    app,
    connector,
    departures,
    cosmos,
    store: proxied?.direct ?? cosmos,
    proxy: proxied?.proxy,
    clock,
    logs,
    async send(activity) {
      // Stamped as Teams stamps what it sends, by the test's clock (a redelivery keeps its stamp).
      const stamped = { timestamp: (opts.realClock ? new Date() : clock.now()).toISOString(), ...activity };
      const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stamped) });
      const text = await res.text();
      // The shared card is updated right after the answer; a test looks once it went out.
      await app.sharedCards.idle();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    conversation(type, id = type === 'channel' ? '19:general@thread.tacv2' : type === 'groupChat' ? '19:groupchat-1@thread.v2' : 'a:personal-1') {
      return { id, type, tenantId: 'tenant-1', serviceUrl: connector.url };
    },
    async stop() {
      await app.stop();
      await connector.stop();
      if (proxied) await proxied.close();
      else if (!opts.cosmos) await cosmos.close();
    },
  };
}
