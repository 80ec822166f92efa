/**
 * Found in review, stop 56 (fixed then: the digest is an HMAC keyed with the press's key, which is
 * never stored: the job's id is a one-way hash of it).
 *
 * The request card's send-time check carries `words`, a digest of Anna's message, so a second
 * delivery of her press knows whether its words are the ones going (request-press-twice-at-once-keeps-words).
 * Once the job is sent or skipped the outbox drops its card (and so the words) while `sendIf` stayed
 * for the job's seven days (since stop 59 a sent job is deleted, leaving a blank; a skipped one stays). A plain sha256 of a short message is then found by hashing guesses. The
 * promise: once the card went (or was dropped), nothing in the job lets a reader test a guess of the words.
 */
import { createHash } from 'node:crypto';
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { personalChat, pressIn, startRequestApp } from './support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { requestKey } from '../../src/domain/talent-review/review-request';
import { eraseInChat } from '../verantwoording/support';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64url');

describe('the digest of a request message left on its outbox job', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(personalChat(t, who), who, text));
    return lastCardIn(who);
  };
  const job = async (id: string) => (await t.store.container('outbox').item(id, id).read()).resource as Record<string, unknown> | undefined;

  beforeAll(async () => {
    t = await startRequestApp(anna, mia);
  }, 120_000);
  afterAll(() => t?.stop());

  it('a request withdrawn before its card went: the skipped job keeps no digest of the words (guessable: a short message)', async () => {
    const words = 'burn-out';
    let teamsDown = true;
    t.connector.faults.push((req) => (teamsDown && req.method === 'POST' && JSON.stringify(req.body ?? '').includes(words) ? { status: 503 } : undefined));
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: words }))).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(1_500).catch(() => undefined);
    await waitUntil('the card waits for its retry', async () => (await job(jobId))?.status === 'pending' && Number((await job(jobId))?.attempts) >= 1);
    const confirm = await pressIn(t, anna, CONFIRM, buttonData(await say(anna, 'wat ziet mijn leidinggevende'), CONFIRM));
    expect(cardText(await pressIn(t, anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');
    teamsDown = false;
    await t.app.outbox.drain(60_000).catch(() => undefined);
    // Dropped unsent: kept as it ended (it surely never went), no blank for it.
    const left = await job(jobId);
    expect(left?.status).toBe('skipped');
    expect(await job(t.app.outbox.store.erasedKeyId(jobId))).toBeUndefined();
    const stored = JSON.stringify(left);
    expect(stored).not.toContain(words);
    // A DB reader hashing a list of guesses finds the withdrawn words.
    const guesses = ['gesprek', 'ontwikkeling', 'burn-out', 'salaris'];
    expect(guesses.filter((g) => stored.includes(digest(g)))).toEqual([]);
  }, 120_000);

  it('a request sent and then withdrawn: the sent job keeps no digest of the words', async () => {
    const words = 'Ik wil stoppen';
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: words }))).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000).catch(() => undefined);
    // Sent: since stop 59 the job leaves only the blank that holds its key (under the keyed id).
    await waitUntil('the card went', async () => (await job(t.app.outbox.store.erasedKeyId(jobId)))?.type === 'outboxErasedKey');
    const confirm = await pressIn(t, anna, CONFIRM, buttonData(await say(anna, 'wat ziet mijn leidinggevende'), CONFIRM));
    expect(cardText(await pressIn(t, anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');
    const stored = JSON.stringify([await job(jobId), await job(t.app.outbox.store.erasedKeyId(jobId))]);
    expect(stored).not.toContain(words);
    expect(stored).not.toContain(digest(words));
  }, 120_000);
  it('guard (held): her erasure blanks the job to its key, the digest with it', async () => {
    const words = 'Graag een gesprek';
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: words }))).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000).catch(() => undefined);
    await waitUntil('the card went', async () => (await job(t.app.outbox.store.erasedKeyId(jobId)))?.type === 'outboxErasedKey');
    await eraseInChat(t, anna);
    // The blank is kept under an id keyed with the app's secret, the job's own id is free (stop 58).
    expect(await job(jobId)).toBeUndefined();
    const left = await job(t.app.outbox.store.erasedKeyId(jobId));
    expect(left?.type).toBe('outboxErasedKey');
    expect(JSON.stringify(left)).not.toContain(digest(words));
  }, 120_000);
});
