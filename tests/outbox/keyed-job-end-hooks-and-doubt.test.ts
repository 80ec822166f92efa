/**
 * A guard (held when written, in review of stop 61's own change).
 * a `keyedKey` job keeps nothing naming anyone once it ended
 * (`endedNamingNobody`). Does anything that still needs its target, arguments or result lose them?
 *  - an onSent hook that failed once runs again: it still gets its arguments and the message's ids;
 *  - a job in doubt (its sender stopped with the call out) becomes `unconfirmed`, names nobody, and
 *    the same key queued again (a redelivered press, a retried scheduled job) sends nothing.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor, NAMES_NOBODY } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

describe('a keyed job once it ended', () => {
  const bed = outboxBed();
  const quick = { concurrency: 2, tenantLeaseMs: 600, jobLeaseMs: 600, recoveryIntervalMs: 200, idleMs: 20, backoffBaseMs: 50, backoffCapMs: 200 };
  const box = () => new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, quick);
  const message = (key: string) => ({
    key,
    keyedKey: true as const,
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'conversation' as const, conversationId: 'a:personal-mia' },
    payload: { text: 'prep' },
    onSent: { kind: 'landed', args: { managerId: 'aad-mia', reviewId: 'rv_1' } },
    about: ['aad-anna', 'aad-mia'],
  });

  it('guard: an onSent hook that failed once runs again with its arguments and the message ids; then the job names nobody', async () => {
    const o = box();
    const seen: unknown[] = [];
    let failures = 0;
    o.onSent('landed', async (args, result) => {
      if (failures++ === 0) throw new Error('store hiccup');
      seen.push({ args, ...result });
    });
    const result = await o.deliver(message('probe:hook'), 5000);
    expect(result.status).toBe('sent');
    o.start();
    await waitUntil('the hook ran again', () => seen.length > 0, { timeoutMs: 20_000 });
    let job = await o.store.get(jobIdFor('probe:hook'));
    await waitUntil('the job ended', async () => (job = await o.store.get(jobIdFor('probe:hook')))?.ttl !== undefined, { timeoutMs: 20_000 });
    await o.stop();
    expect(seen).toEqual([{ args: { managerId: 'aad-mia', reviewId: 'rv_1' }, activityId: expect.any(String), conversationId: 'a:personal-mia' }]);
    expect({ target: job!.target, conversationKey: job!.conversationKey, about: job!.about, onSent: job!.onSent, chat: job!.result?.conversationId }).toEqual({
      target: { kind: 'conversation', conversationId: NAMES_NOBODY },
      conversationKey: NAMES_NOBODY,
      about: undefined,
      onSent: undefined,
      chat: undefined,
    });
  }, 60_000);

  it('guard: a job in doubt ends unconfirmed naming nobody, and its key queued again sends nothing', async () => {
    const first = box();
    first.onSent('landed', async () => undefined);
    let arrived = false;
    bed.connector.holds.push(() => ((arrived = true), new Promise<void>(() => undefined)));
    await first.enqueue([message('probe:doubt')]);
    first.start();
    await waitUntil('the call reached Teams', () => arrived);
    first.sender.halt();
    bed.connector.holds.length = 0;

    const second = box();
    second.onSent('landed', async () => undefined);
    second.start();
    let job: Awaited<ReturnType<typeof second.store.get>>;
    await waitUntil('the job is settled by the second sender', async () => (job = await second.store.get(jobIdFor('probe:doubt')))?.status === 'unconfirmed', { timeoutMs: 30_000, state: () => `${job?.status}` });
    const calls = bed.connector.calls.length;
    expect(await second.queue(message('probe:doubt'))).toBe('alreadyQueued');
    expect((await second.deliver(message('probe:doubt'), 2000)).status).toBe('unconfirmed');
    await second.drain(10_000);
    await second.stop();
    expect(bed.connector.calls.length).toBe(calls);
    expect({ target: job!.target, conversationKey: job!.conversationKey, about: job!.about, ttl: typeof job!.ttl }).toEqual({
      target: { kind: 'conversation', conversationId: NAMES_NOBODY },
      conversationKey: NAMES_NOBODY,
      about: undefined,
      ttl: 'number',
    });
  }, 60_000);
});
