import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { documentProblems } from '../../src/store/document-schemas';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * Regression (the reviewer's probe in review of stop 49, which held): the key an erasure leaves
 * of a card marked `keyOutlivesErasure` (`outboxErasedKey`), through every path that reads or
 * writes the outbox: queue/enqueue/deliver
 * under the key again, statusOf, a second erasure, the manager's erasure after the member's, and
 * a job the sender is sending at the moment of the erasure (its outcome write must not bring the
 * job back over the blank).
 */
describe('an erased card key holds', () => {
  const bed = outboxBed();
  const box = () => new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7, marginMs: 500 }), logger, { concurrency: 2 });
  const card = (key: string): OutboundMessage & { keyOutlivesErasure: true } => ({
    key,
    tenantId: 'tenant-1',
    route: { serviceUrl: bed.connector.url, botId: '28:bot' },
    target: { kind: 'person', userId: '29:anna', appUserId: 'aad-anna' },
    payload: { text: 'Verantwoording van Mia' },
    about: ['aad-mia'],
    keyOutlivesErasure: true,
  });
  const anna = { userId: 'aad-anna', platformIds: ['29:anna'], tenantIds: ['tenant-1'], conversationIds: [], mentions: [] };
  const mia = { userId: 'aad-mia', platformIds: ['29:mia'], tenantIds: ['tenant-1'], conversationIds: [], mentions: [] };
  const raw = async (id: string) => (await bed.cosmos.container('outbox').item(id, id).read()).resource as Record<string, unknown> | undefined;
  const sentToAnna = () => bed.connector.calls.filter((c) => c.method === 'POST' && c.activity?.text === 'Verantwoording van Mia').length;

  it('held: a waiting card blanked; queue, enqueue and deliver under its key again queue nothing and do not wait; a second and the manager\'s erasure leave the blank', async () => {
    const outbox = box();
    await outbox.enqueue([card('ta:press-1:aad-anna')]);
    expect(await outbox.store.forgetPerson(anna)).toMatchObject({ messages: 1 });
    // Kept under an id keyed with the app's secret, not the job's own (found in review, stop 58).
    const id = outbox.store.erasedKeyId(jobIdFor('ta:press-1:aad-anna'));
    expect(await raw(jobIdFor('ta:press-1:aad-anna'))).toBeUndefined();
    const blank = await raw(id);
    expect(documentProblems('outbox', blank!)).toEqual([]);
    expect([await outbox.queue(card('ta:press-1:aad-anna')), await outbox.statusOf('ta:press-1:aad-anna')]).toEqual(['alreadyQueued', undefined]);
    await outbox.enqueue([card('ta:press-1:aad-anna')]);
    expect(await outbox.deliver(card('ta:press-1:aad-anna'), 5_000)).toEqual({ status: 'failed' });
    expect(await outbox.store.forgetPerson(anna)).toMatchObject({ messages: 0 });
    expect(await outbox.store.forgetPerson(mia)).toMatchObject({ messages: 0 });
    expect((await raw(id))?._etag).toBe(blank?._etag);
    await outbox.drain(5_000);
    expect(sentToAnna()).toBe(0);
  }, 60_000);

  it('held: a card being sent when it is blanked: the sender\'s outcome write does not bring the job back over the blank', async () => {
    const outbox = box();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let holding = false;
    bed.connector.holds.push((req) => (req.method === 'POST' && req.body?.text === 'Verantwoording van Mia' ? ((holding = true), held) : undefined));
    await outbox.enqueue([card('ta:press-2:aad-anna')]);
    outbox.start();
    await waitUntil('the card on its way to Teams', async () => holding);
    await outbox.store.forgetPerson(anna);
    release();
    await outbox.drain(10_000);
    await outbox.stop();
    const doc = await raw(outbox.store.erasedKeyId(jobIdFor('ta:press-2:aad-anna')));
    expect(await raw(jobIdFor('ta:press-2:aad-anna'))).toBeUndefined();
    expect({ type: doc?.type, status: await outbox.statusOf('ta:press-2:aad-anna'), again: await outbox.queue(card('ta:press-2:aad-anna')) }).toEqual({ type: 'outboxErasedKey', status: undefined, again: 'alreadyQueued' });
  }, 60_000);
});
