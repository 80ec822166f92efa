import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { RateLimits, TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/** Teams' limits on a clock the test moves; counts the waits for a message's rate slot still waiting. */
class StillClockLimiter extends TeamsRateLimiter {
  waiting = 0;
  constructor(limits: RateLimits, clock: () => number) {
    super(limits, clock);
  }
  override async acquire(tenantId: string, conversationKey?: string): Promise<number> {
    if (!conversationKey) return super.acquire(tenantId);
    this.waiting++;
    try {
      return await super.acquire(tenantId, conversationKey);
    } finally {
      this.waiting--;
    }
  }
}

/**
 * Found in review, stop 47. Teams counts its per-conversation limit (7 a second) per chat, but the
 * outbox counted it per address: a message to a person (`person:<id>`, through their 1:1 chat)
 * and one to the same chat by its conversation id (a talent review's answer in the chat it was
 * asked from) had a rate window each, so that chat could get twice the limit (and the 429s that
 * follow). The rate window of a message to a person is now its chat's, once the chat is known.
 */
describe('one 1:1 chat addressed by person and by conversation id', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
  });

  it('shares one rate window: the second message waits for its slot', async () => {
    let now = Date.now();
    const limiter = new StillClockLimiter({ tenantPerSecond: 50, conversationPerSecond: 1 }, () => now);
    box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), limiter, logger, { concurrency: 2, idleMs: 20 });
    await box.store.rememberPersonalConversation('tenant-1', '29:mia', 'a:chat-mia');
    const route = { serviceUrl: bed.connector.url, botId: '28:bot' };
    const messages: OutboundMessage[] = [
      { key: 'to-person', tenantId: 'tenant-1', route, target: { kind: 'person', userId: '29:mia' }, payload: { text: 'by person' } },
      { key: 'to-chat', tenantId: 'tenant-1', route, target: { kind: 'conversation', conversationId: 'a:chat-mia' }, payload: { text: 'by chat id' } },
    ];
    await box.enqueue(messages);
    box.start();

    const toChat = () => bed.connector.calls.filter((c) => c.conversationId === 'a:chat-mia').length;
    // The clock stands still: one message per second fits in the chat, so one goes and one waits.
    await waitUntil('both messages went out, or one went out and the other waits for its slot', () => toChat() >= 2 || (toChat() === 1 && limiter.waiting === 1), { state: () => `${toChat()} sent, ${limiter.waiting} waiting` });
    expect(toChat()).toBe(1);

    now += 2000;
    await waitUntil('the second message went out in the next second', () => toChat() === 2);
    expect(bed.connector.texts().sort()).toEqual(['by chat id', 'by person']);
  }, 30_000);
});
