/**
 * Found in own review, stop 67 (round 4). `holdsOthers` (job-transitions.ts) let a refused
 * message hold the chat's other messages only while `job.attempts <= 1`. `attempts` counts every
 * claim, 429s included: a message that met a 429 first (the chat paused as a whole, the next
 * message queued behind it) and then one 503 has attempts 2 on its FIRST 5xx, so the next message
 * of the chat no longer waits for that first retry and overtakes it. README (outbox): "the chat's
 * other messages wait for its first retry only (after a 429 the chat waits as a whole)".
 */
import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from '../outbox/outbox-bed';
import { waitUntil } from '../outbox/wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const CHAT = '19:group@thread.v2';

describe('a message throttled once, then refused once with 503', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it("keeps the chat's next message behind its first 5xx retry (conversation order)", async () => {
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      owner: 'a', concurrency: 4, backoffBaseMs: 1500, backoffCapMs: 1500, idleMs: 50,
    });
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const post = (key: string, text: string): OutboundMessage => ({ key, tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: CHAT }, payload: { text } });
    let firstTries = 0;
    bed.connector.faults = [(req) => {
      if (req.body?.text !== 'first') return undefined;
      firstTries++;
      return firstTries === 1 ? { status: 429, retryAfterSeconds: 1 } : firstTries === 2 ? { status: 503 } : undefined;
    }];
    await box.enqueue([post('first', 'first'), post('second', 'second')]);
    box.start();
    await box.drain(60_000);
    await waitUntil('both posted', () => bed.connector.calls.filter((c) => c.method === 'POST').length >= 2);
    const posts = bed.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity.text as string);
    expect({ firstTries, posts }).toEqual({ firstTries: 3, posts: ['first', 'second'] });
  }, 120_000);
});
