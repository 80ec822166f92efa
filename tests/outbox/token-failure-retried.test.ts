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
 * Entra did not give the connector a token once (MSAL threw): no request reached the Bot Connector,
 * yet the message was marked "unconfirmed" (perhaps delivered), never retried, and reported as not
 * delivered. During an Entra outage every proactive message was lost this way. A token failure is
 * now a transport failure that certainly did not deliver: the outbox tries again. Found in review,
 * stop 38.
 */
describe('a connector token that cannot be had', () => {
  const bed = outboxBed();

  it('a message whose call never left (the token request to Entra failed) is retried and delivered, not marked in doubt', async () => {
    let tokenFailures = 1;
    // Entra answers 503 once (MSAL throws): no request reached the Bot Connector.
    const token = async () => {
      if (tokenFailures-- > 0) throw new Error('AADSTS50000: token service unavailable');
      return undefined;
    };
    const events: string[] = [];
    const box = new Outbox(bed.cosmos, new BotConnectorClient(token, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      concurrency: 4,
      backoffBaseMs: 50,
      backoffCapMs: 100,
      events: { record: (e: { name: string; reason?: string }) => void events.push(`${e.name}:${e.reason}`) } as never,
    });
    const message: OutboundMessage = {
      key: 'summary-1',
      tenantId: 'tenant-1',
      route: { serviceUrl: bed.connector.url, botId: '28:bot' },
      target: { kind: 'conversation', conversationId: '19:group@thread.v2' },
      payload: { text: 'samenvatting' },
    };
    await box.enqueue([message]);
    await box.drain(20_000);
    const job = await box.store.get(jobIdFor('summary-1'));
    expect({ status: job?.status, code: job?.result?.code }).toEqual({ status: 'sent', code: undefined });
    expect(bed.connector.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });
});
