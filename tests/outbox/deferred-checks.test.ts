import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logs: string[] = [];
const logger = createLogger('debug', new Writable({ write(chunk, _e, cb) { logs.push(chunk.toString()); cb(); } }));

/**
 * A job whose check fails is put off (`defer`); found in the second review of stop 36: a re-check
 * after the claim (`stillValid`) that failed handed the job back to be rendered and claimed again
 * at once, ahead of its chat's later messages; and a job put off went on past its own time budget.
 */
describe('deferred and re-checked outbox jobs', () => {
  const bed = outboxBed();
  const box = (opts: { backoffBaseMs?: number; backoffCapMs?: number } = {}) =>
    new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 500 }), logger, { concurrency: 4, backoffBaseMs: 200, backoffCapMs: 2_000, ...opts });
  const channel = (key: string, extra: Partial<OutboundMessage> & { render?: { kind: string; args: Record<string, string> } } = {}) => ({
    key,
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'conversation' as const, conversationId: '19:group@thread.v2' },
    payload: { text: 'placeholder' },
    ...extra,
  });

  it('a re-check (stillValid) that cannot answer (the store failed its read) is put off like a failed render, not rendered and claimed again and again ahead of the chat\'s later messages', async () => {
    const outbox = box();
    let renders = 0;
    // Render works; the re-check after the claim reads the group again and that read fails (a 503).
    outbox.onRender('summary', async () => {
      renders++;
      return { payload: { text: 'summary' }, stillValid: async () => { throw new Error('503 ServiceUnavailable'); } };
    });
    await outbox.enqueue([channel('summary:s1', { render: { kind: 'summary', args: {} } }), channel('later:s1', { payload: { text: 'next message in the chat' } })]);
    const drained = outbox.drain(3_000).catch(() => undefined);
    // Either the sender puts the job off (as for a failed render), or it renders and claims it again at once.
    await waitUntil('the job deferred, or rendered 30 times', async () => renders >= 30 || ((await outbox.store.get(jobIdFor('summary:s1')))?.checksFailed ?? 0) > 0, { timeoutMs: 20_000, state: () => `renders ${renders}` });
    const job = await outbox.store.get(jobIdFor('summary:s1'));
    outbox.sender.halt();
    await drained;
    const laterSent = bed.connector.calls.some((c) => c.activity.text === 'next message in the chat');
    expect({ renders: renders < 30, checksFailed: (job?.checksFailed ?? 0) > 0, laterSent }).toEqual({ renders: true, checksFailed: true, laterSent: true });
  }, 60_000);

  it('a job whose guard failed past its own time budget is not sent after it', async () => {
    const outbox = box({ backoffBaseMs: 100, backoffCapMs: 200 });
    let failing = true;
    outbox.onGuard('flaky', async () => {
      if (failing) throw new Error('store did not answer');
      return true;
    });
    // "Ten minutes left": a message that is wrong when late carries a budget of 300 ms here.
    await outbox.enqueue([channel('warning:s1', { payload: { text: 'ten minutes left' }, giveUpAfterMs: 300, sendIf: { kind: 'flaky', args: {} } })]);
    const drained = outbox.drain(10_000).catch(() => undefined);
    // Put off four times (past its 300 ms), or given up before that.
    await waitUntil('deferred a few times past its budget, or given up', async () => {
      const job = await outbox.store.get(jobIdFor('warning:s1'));
      return !job || job.status !== 'pending' || (job.checksFailed ?? 0) >= 4;
    });
    failing = false;
    await drained;
    const job = await outbox.store.get(jobIdFor('warning:s1'));
    const sent = bed.connector.calls.filter((c) => c.method === 'POST' && c.activity.text === 'ten minutes left');
    expect({ status: job?.status, sentLate: sent.length }).toEqual({ status: expect.not.stringMatching(/^sent$/), sentLate: 0 });
  }, 60_000);
});
