import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const CHAT = '19:group@thread.v2';

/**
 * Found in review, stop 67. A job sent back for a retry held every later job of its chat, and the
 * hold was set again at each refusal: a message Teams kept refusing with 503 (retried for up to 24
 * hours) kept the chat's other messages (a session warning, a poll card) from going out all that
 * time. Now the chat's other messages wait for its first retry only (their order kept once), and
 * only later updates of the refused message itself keep waiting behind it, as the older card would
 * land over them. Not timed: waits until the refused message was tried a number of times.
 */
describe('a message Teams keeps refusing with 503', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it("holds the chat's other messages for its first retry only, and its own later update for every retry", async () => {
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      owner: 'a',
      concurrency: 4,
      backoffBaseMs: 300,
      backoffCapMs: 600,
      idleMs: 50,
    });
    box.start();
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const update = (key: string, text: string): OutboundMessage => ({ key, tenantId: 'tenant-1', route, target: { kind: 'update', conversationId: CHAT, activityId: 'card-1' }, payload: { text } });
    const post = (key: string, text: string): OutboundMessage => ({ key, tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: CHAT }, payload: { text } });
    let refusing = true;
    bed.connector.faults = [(req) => (refusing && req.body?.text === 'v1' ? { status: 503 } : undefined)];
    const refusals = () => bed.connector.requests.filter((r) => r.status === 503).length;
    const calls = () => bed.connector.requests.map((r) => `${r.method} ${r.status}`);

    await box.enqueue([update('v1', 'v1')]);
    await waitUntil('the older update was refused once', () => refusals() >= 1);
    await box.enqueue([post('warning', 'ten minutes left'), update('v2', 'v2')]);
    await waitUntil('the other message went out while the older update is still refused', async () => (await box!.store.get(jobIdFor('warning')))?.status === 'sent', { timeoutMs: 30_000, state: () => JSON.stringify(calls()) });
    await waitUntil('the older update was refused twice more', () => refusals() >= 4, { timeoutMs: 60_000 });
    const whileRefused = { v2: (await box.store.get(jobIdFor('v2')))?.status };
    refusing = false;
    await box.drain(60_000);
    const puts = bed.connector.calls.filter((c) => c.method === 'PUT').map((c) => c.activity.text as string);
    expect({ whileRefused, puts }).toEqual({ whileRefused: { v2: 'pending' }, puts: ['v1', 'v2'] });
  }, 120_000);
});
