import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const CHAT = 'a:chat-manager';

/**
 * Found in review, stop 67. A message sent in a turn (Outbox.deliver -> sendNow) waited up to five
 * seconds while its chat's lane was busy with a background job (here an update of card-1 whose
 * render is slow), then entered the lane anyway and, when done, marked it free while that job was
 * still in flight: the round took the chat's next job beside it, a newer update of card-1, and the
 * older one landed over it. Now the turn does not wait or enter: its message stays queued (the turn
 * hears `pending`), the lane stays with the slow job, and everything goes out in order after it.
 */
describe("a turn's message in a chat whose lane a slow background job holds", () => {
  const bed = outboxBed();

  it('is left queued behind it, and a newer update of the slow card does not overtake it', async () => {
    let renderStarted!: () => void;
    let releaseRender!: () => void;
    const started = new Promise<void>((r) => (renderStarted = r));
    const released = new Promise<void>((r) => (releaseRender = r));
    const box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, { owner: 'a', concurrency: 4, idleMs: 50 });
    box.onRender('slow', async () => {
      renderStarted();
      await released;
      return { payload: { text: 'v1' } };
    });
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const update = { kind: 'update' as const, conversationId: CHAT, activityId: 'card-1' };
    const calls = () => bed.connector.calls.map((c) => `${c.method} ${c.activity.text as string}`);
    box.start();
    try {
      await box.enqueue([{ key: 'u1', tenantId: 'tenant-1', route, target: update, payload: { text: 'placeholder' }, render: { kind: 'slow', args: {} } }]);
      await started;
      const turn = await box.deliver({ key: 'reply', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: CHAT }, payload: { text: 'reply in the turn' } });
      const afterTurn = { turn: turn.status, laneHeld: box.sender.lanes.isBusy(CHAT), calls: calls() };
      // Queued with a message to another chat: once that one went out, the round has read the
      // newer update too, and passed it over while card-1's older update still renders.
      await box.enqueue([
        { key: 'u2', tenantId: 'tenant-1', route, target: update, payload: { text: 'v2' } },
        { key: 'elsewhere', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: 'a:chat-other' }, payload: { text: 'elsewhere' } },
      ]);
      await waitUntil('the message to the other chat went out', async () => (await box.store.get(jobIdFor('elsewhere')))?.status === 'sent', { state: () => JSON.stringify(calls()) });
      const whileSlow = { u2: (await box.store.get(jobIdFor('u2')))?.status, calls: calls() };
      releaseRender();
      await box.drain(30_000);
      expect({ afterTurn, whileSlow, calls: calls() }).toEqual({
        afterTurn: { turn: 'pending', laneHeld: true, calls: [] },
        whileSlow: { u2: 'pending', calls: ['POST elsewhere'] },
        calls: ['POST elsewhere', 'PUT v1', 'POST reply in the turn', 'PUT v2'],
      });
    } finally {
      releaseRender();
      await box.stop();
    }
  }, 90_000);
});
