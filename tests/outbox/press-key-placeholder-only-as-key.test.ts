/**
 * Found in review, stop 58 (fixed then: only a button's `k` is the placeholder, for the scan and the
 * mint; a renderer's card is minted too). The outbox mints a queued card's press key when it sends
 * it: words or a name that merely read as the placeholder are not touched, a card built by a
 * renderer never goes out with the placeholder as its key, and a retried send gets a fresh key (a guard).
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor, newJob } from '../../src/outbox/outbox-job';
import { PRESS_KEY_WHEN_SENT } from '../../src/outbox/press-keys';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';

const silent = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

const card = (body: unknown[], actions: unknown[] = []) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body, actions } }],
});
const saveButton = (k: string) => ({ type: 'Action.Execute', title: 'Bewaar', verb: 'verantwoording.note.add', data: { k } });

describe('the press-key placeholder in the outbox', () => {
  const bed = outboxBed();
  const made: Outbox[] = [];
  afterEach(async () => {
    for (const b of made.splice(0)) await b.stop();
  });
  const box = () => {
    const b = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 50, marginMs: 0 }), silent, { concurrency: 4, backoffBaseMs: 20, backoffCapMs: 100 });
    made.push(b);
    return b;
  };
  const msg = (key: string, payload: Record<string, unknown>) => ({ key, tenantId: 't1', route: { serviceUrl: bed.connector.url, botId: '28:bot' }, target: { kind: 'conversation' as const, conversationId: '19:chan@thread.skype' }, payload });
  const sentCards = () => bed.connector.calls.filter((c) => c.method === 'POST').map((c) => JSON.stringify(c.activity));

  it('a card that only quotes the placeholder in someone\'s words gets no press-key render (a sender of older code would hold it back)', () => {
    const quoted = card([{ type: 'TextBlock', text: `Mijn groep heet ${PRESS_KEY_WHEN_SENT} echt` }]);
    expect(newJob(msg('quoted', quoted), new Date()).render).toBeUndefined();
  });

  it('words typed exactly as the placeholder in a field of a queued card reach the reader as typed', async () => {
    const b = box();
    await b.queue(msg('typed', card([{ type: 'Input.Text', id: 'text', value: PRESS_KEY_WHEN_SENT }], [saveButton('a-real-key-0001')])));
    await b.drain(20_000);
    const [sent] = sentCards();
    expect(sent).toContain(`"value":"${PRESS_KEY_WHEN_SENT}"`);
  }, 60_000);

  it('a card built by a renderer that asks for a press key is sent with a minted key, never the placeholder', async () => {
    const b = box();
    b.onRender('probe.render', async () => ({ payload: card([{ type: 'TextBlock', text: 'kijk terug' }], [saveButton(PRESS_KEY_WHEN_SENT)]) }));
    await b.queue({ ...msg('rendered', { type: 'message', renderedWhenSent: true }), render: { kind: 'probe.render', args: {} } });
    await b.drain(20_000);
    const [sent] = sentCards();
    expect(sent).toBeDefined();
    expect(sent).not.toContain(PRESS_KEY_WHEN_SENT);
  }, 60_000);

  it('guard: a send Teams failed (503, then 429 with Retry-After) is sent again with a fresh key; the job never holds any key', async () => {
    const b = box();
    let n = 0;
    const posted: string[] = [];
    bed.connector.faults.push((req) => {
      if (req.method !== 'POST' || !/activities/.test(req.path)) return undefined;
      posted.push(JSON.stringify(req.body));
      n++;
      return n === 1 ? { status: 503 } : n === 2 ? { status: 429, retryAfterSeconds: 0 } : undefined;
    });
    await b.queue(msg('retried', card([{ type: 'Input.Text', id: 'text' }], [saveButton(PRESS_KEY_WHEN_SENT)])));
    await b.drain(20_000);
    const minted = posted.map((p) => /"k":"([^"]+)"/.exec(p)?.[1]);
    expect(minted).toHaveLength(3);
    expect(new Set(minted).size).toBe(3);
    expect(minted).not.toContain(PRESS_KEY_WHEN_SENT);
    const job = await b.store.get(jobIdFor('retried'));
    expect(job?.status).toBe('sent');
    for (const k of minted) expect(JSON.stringify(job)).not.toContain(k!);
  }, 60_000);
});
