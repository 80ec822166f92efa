import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * Left out in stop 45, closed in stop 46. A rendered job's re-check (`stillValid`: has an erasure
 * in the group begun or ended since the summary was built?) is asked after the claim, so that an
 * erasure that begins after the claim is seen. A sender that stopped during that read left the job
 * `sending`, and once its lease ran out the next sender marked it in doubt ("unconfirmed", never
 * resent): the group got no summary although no call had gone out. A claim now says that its
 * re-check is still to come, and a job abandoned in that state is pending again, sent by the next
 * sender; a job abandoned after its re-check passed stays in doubt, as before.
 */
describe('a sender that stops during a re-check', () => {
  const bed = outboxBed();
  const quick = { concurrency: 2, tenantLeaseMs: 600, jobLeaseMs: 600, recoveryIntervalMs: 200 };
  const limits = { tenantPerSecond: 50, conversationPerSecond: 7 };
  const summary = (key: string) => ({
    key,
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'conversation' as const, conversationId: '19:group@thread.v2' },
    payload: { text: 'placeholder' },
    render: { kind: 'summary', args: {} },
  });
  const box = () => new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter(limits), logger, quick);

  it('leaves the job pending: the next sender sends the summary, nothing is in doubt', async () => {
    const first = box();
    let checking = false;
    // The first sender's re-check never answers: it stops in that read.
    first.onRender('summary', async () => ({ payload: { text: 'samenvatting' }, stillValid: () => ((checking = true), new Promise<boolean>(() => undefined)) }));
    await first.enqueue([summary('summary:s1')]);
    first.start();
    await waitUntil('the first sender claimed the job and asks its re-check', () => checking);
    first.sender.halt();

    const second = box();
    second.onRender('summary', async () => ({ payload: { text: 'samenvatting' }, stillValid: async () => true }));
    second.start();
    let status: string | undefined;
    await waitUntil('the job is settled by the second sender', async () => ['sent', 'unconfirmed'].includes((status = (await second.store.get(jobIdFor('summary:s1')))?.status) ?? ''), { timeoutMs: 30_000, state: () => `${status}` });
    await second.stop();

    const job = await second.store.get(jobIdFor('summary:s1'));
    expect(job?.status).toBe('sent');
    expect(bed.connector.calls.filter((c) => c.activity?.text === 'samenvatting')).toHaveLength(1);
  }, 60_000);

  it('a job abandoned after its re-check passed, its call under way, stays in doubt (never sent twice)', async () => {
    const first = box();
    first.onRender('summary', async () => ({ payload: { text: 'samenvatting' }, stillValid: async () => true }));
    // Teams holds the first sender's call; the sender stops with the call out.
    let arrived = false;
    bed.connector.holds.push(() => ((arrived = true), new Promise<void>(() => undefined)));
    await first.enqueue([summary('summary:s2')]);
    first.start();
    await waitUntil('the call reached Teams', () => arrived);
    first.sender.halt();
    bed.connector.holds.length = 0;

    const second = box();
    second.onRender('summary', async () => ({ payload: { text: 'samenvatting' }, stillValid: async () => true }));
    second.start();
    let status: string | undefined;
    await waitUntil('the job is settled by the second sender', async () => ['sent', 'unconfirmed'].includes((status = (await second.store.get(jobIdFor('summary:s2')))?.status) ?? ''), { timeoutMs: 30_000, state: () => `${status}` });
    await second.stop();
    expect((await second.store.get(jobIdFor('summary:s2')))?.status).toBe('unconfirmed');
  }, 60_000);
});
