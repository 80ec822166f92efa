import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * The shared session card is updated twice: v1 is refused once by Teams (503) and waits for its
 * retry; v2 is sent in the turn (outbox.deliver, sendNow). v2 went out at once, then v1 on its
 * retry: every member was left looking at the older card. A job sent in the turn now waits behind
 * an older job of its conversation that is held for a retry. Found in review, stop 38. (The same
 * order across a takeover by another instance is in README "Not done yet".)
 */
describe('card updates keep their order', () => {
  const bed = outboxBed();
  const boxes: Outbox[] = [];
  afterEach(async () => {
    for (const b of boxes.splice(0)) await b.stop();
  });

  const newBox = (owner: string) => {
    const box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      owner,
      concurrency: 4,
      backoffBaseMs: 3000,
      backoffCapMs: 3000,
      idleMs: 50,
      tenantLeaseMs: 30_000,
    });
    boxes.push(box);
    return box;
  };
  const update = (key: string, version: string): OutboundMessage => ({
    key,
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'update', conversationId: '19:group@thread.v2', activityId: 'card-1' },
    payload: { text: version },
  });
  const puts = () => bed.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === 'card-1').map((c) => c.activity.text as string);

  it('an update sent in the turn (deliver) does not overtake an older update of the same card waiting for its retry', async () => {
    const box = newBox('a');
    box.start();
    let refused = 0;
    bed.connector.faults = [(req) => (req.body?.text === 'v1' && refused++ < 1 ? { status: 503 } : undefined)];
    // The shared session card is updated twice (SessionPresenter -> messenger.update -> outbox.deliver).
    await box.enqueue([update('u1', 'v1')]);
    await waitUntil('v1 was refused once and waits for its retry', async () => (await box.store.get(jobIdFor('u1')))?.result?.status === 503);
    // Queued behind it: the turn hears "pending" at once, and v2 goes out after v1's retry.
    expect((await box.deliver(update('u2', 'v2'), 20_000)).status).toBe('pending');
    await waitUntil('v2 was sent', async () => (await box.store.get(jobIdFor('u2')))?.status === 'sent');
    await waitUntil('both updates finished', async () => (await box.store.get(jobIdFor('u1')))?.status === 'sent');
    // What the members see is the last PUT: it must be the newer card.
    expect(puts()[puts().length - 1]).toBe('v2');
  });
});
