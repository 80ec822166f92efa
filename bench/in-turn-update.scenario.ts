import { setTimeout as sleep } from 'node:timers/promises';
import { OutboundMessage } from '../src/domain/outbox/outbox.port';
import { Outbox } from '../src/outbox/outbox';
import { TeamsRateLimiter } from '../src/outbox/rate-limiter';
import { TAKEOVER_PAUSE_MS } from '../src/outbox/takeover-pause';
import { BotConnectorClient } from '../src/teams/connector/bot-connector.client';
import { BenchScenario, percentile, quietLogger, ratio, table, TEAMS } from './scenario';
import { connectorInWorker, embeddedCosmosInWorker } from './workers';

const TENANT = 'tenant-bench';
const CHAT = '19:bench-group@thread.v2';
/** A short tenant lease stands in for an idle period: the real one (30 s) runs out the same way. */
const LEASE_MS = 500;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * A proactive update after a quiet period (the ten-minute warning and the summary go this way; the
 * AI draft and time-box card edits go through the paced shared-card lane since 1 December): a
 * message updated in place through the outbox (Outbox.deliver) once the tenant lease has run out,
 * and while it is held. Against the floor: the same update sent straight to the connector.
 */
export const inTurnUpdateScenario: BenchScenario = {
  name: 'in-turn-update',
  async run(args) {
    const samples = args.number('updates', 10);
    const cosmos = await embeddedCosmosInWorker();
    const connector = await connectorInWorker({ ...TEAMS, rate429: 0 });
    try {
      const route = { serviceUrl: connector.url, botId: '28:bench' };
      const limiter = new TeamsRateLimiter({ tenantPerSecond: TEAMS.perTenant, conversationPerSecond: TEAMS.perConversation });
      const outbox = new Outbox(cosmos, new BotConnectorClient(async () => undefined), limiter, quietLogger, { concurrency: 16, tenantLeaseMs: LEASE_MS });
      const card = await outbox.deliver({ key: 'card', tenantId: TENANT, route, target: { kind: 'conversation', conversationId: CHAT }, payload: { text: 'sessie' } });
      if (!card.activityId) throw new Error('the session card was not posted');
      const update = (key: string): OutboundMessage => ({ key, tenantId: TENANT, route, target: { kind: 'update', conversationId: CHAT, activityId: card.activityId! }, payload: { text: 'AI-voorstel' } });

      const afterIdle: number[] = [];
      for (let i = 0; i < samples; i++) {
        await sleep(LEASE_MS + TAKEOVER_PAUSE_MS + 100);
        afterIdle.push(await timed(() => outbox.deliver(update(`idle-${i}`))));
      }
      const warm: number[] = [];
      for (let i = 0; i < samples; i++) {
        await sleep(200); // within the lease, and under 7 per second for the one conversation
        warm.push(await timed(() => outbox.deliver(update(`warm-${i}`))));
      }
      const direct = new BotConnectorClient(async () => undefined);
      const floor: number[] = [];
      for (let i = 0; i < samples; i++) {
        await sleep(200);
        floor.push(await timed(() => direct.updateActivity({ ...route, tenantId: TENANT }, CHAT, card.activityId!, { text: 'AI-voorstel' })));
      }
      const stats = await connector.stats();
      const p50 = percentile(floor, 50);
      const row = (name: string, s: number[]) => [name, String(s.length), percentile(s, 50).toFixed(1), percentile(s, 99).toFixed(1), ratio(percentile(s, 50), p50), ratio(percentile(s, 99), p50)];
      return {
        title: 'Proactive update through the outbox (the warning and summary go this way; AI draft and time-box card edits use the paced lane)',
        table: table(['case', 'samples', 'p50 ms', 'max ms', '× floor p50 (p50)', '× floor p50 (max)'], [
          row('direct PUT to the connector (floor)', floor),
          row('outbox, after the tenant lease ran out (idle)', afterIdle),
          row('outbox, lease held', warm),
        ]),
        notes: [
          `Takeover pauses waited: ${outbox.sender.takeover.waits} (a pause is only for a tenant another sender used within the last ${TAKEOVER_PAUSE_MS} ms).`,
          'The outbox path adds the job\'s create, reads, claim and finish in Cosmos DB (embedded, in a worker thread) to the call itself.',
        ],
        ok: outbox.sender.takeover.waits === 0 && stats.violations === 0,
      };
    } finally {
      await connector.stop();
      await cosmos.close();
    }
  },
};
