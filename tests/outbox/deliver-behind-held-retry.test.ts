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
 * An older message of the group chat was refused (503) and waits a minute for its retry. A
 * member's press sends a message in its turn (outbox.deliver). With stop 38's first order fix,
 * sendNow refused it while the conversation was held, and deliver kept polling until its full wait
 * (20 s) ran out: the member's turn hung, every press, for the whole hold. Only an update of the
 * same message waits behind a retry now, and deliver then answers `pending` at once; another
 * message goes out in the turn. Found in review of stop 38's change. Until stop 40 the 503 also
 * paused the whole conversation for its back-off (30-60 s here), as only a 429 should: the reply
 * went out only after it, and this test passed by its status alone, or timed out on a busy machine.
 */
describe('a message sent in the turn behind a held retry', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it('goes out in the turn when it is another message than the one held', async () => {
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      owner: 'a',
      concurrency: 4,
      backoffBaseMs: 60_000,
      backoffCapMs: 60_000,
      idleMs: 50,
    });
    box.start();
    bed.connector.faults = [(req) => (req.body?.text === 'old summary' ? { status: 503 } : undefined)];
    const msg = (key: string, text: string): OutboundMessage => ({
      key,
      tenantId: 'tenant-1',
      route: { serviceUrl: bed.connector.url, botId: '28:bot' },
      target: { kind: 'conversation', conversationId: '19:group@thread.v2' },
      payload: { text },
    });
    await box.enqueue([msg('old', 'old summary')]);
    await waitUntil('the old message was refused and waits for its retry', async () => (await box!.store.get(jobIdFor('old')))?.result?.status === 503);
    // A 503 is about that one call, not the conversation: nothing holds the conversation back (a 429 would).
    const held = (await box.store.get(jobIdFor('old')))!;
    expect(box.limiter.pausedFor(held.conversationKey)).toBe(0);
    const result = await box.deliver(msg('turn', 'reply in the turn'));
    expect({ turn: result.status, old: (await box.store.get(jobIdFor('old')))?.status }).toEqual({ turn: 'sent', old: 'pending' });
  }, 60_000);
});
