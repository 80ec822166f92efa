/**
 * Found in review, stop 57 (fixed then: the digest of a request's words on its outbox job was an
 * HMAC under the job's outbox key, which is the record id stored in the same job under another
 * prefix; it is now keyed with the press key itself, never stored: requestWordsDigest).
 *
 * The promise: once Anna's request is withdrawn, nothing in the database lets a reader test a guess
 * of her words. The job keeps `sendIf.args.words` (a digest, so a retry knows whether its own words
 * are the ones going) and `sendIf.args.recordId` = stableId('rqr', professionalId, pressKey); the
 * outbox key was `talentReview.request:` + stableId('rq', professionalId, pressKey), and stableId
 * hashes the parts only, not the prefix.
 */
import { createHmac } from 'node:crypto';
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { personalChat, pressIn, startRequestApp } from '../talent-review/support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { requestKey } from '../../src/domain/talent-review/review-request';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';

describe("a withdrawn request's words, from its outbox job", () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(personalChat(t, who), who, text));
    return lastCardIn(who);
  };
  const outboxJobs = async () => (await t.store.container('outbox').items.readAll().fetchAll()).resources as Record<string, any>[];

  beforeAll(async () => {
    t = await startRequestApp(anna, mia);
  }, 120_000);
  afterAll(() => t?.stop());

  it('a DB reader with the job alone (no press key) cannot test a guess of the withdrawn words', async () => {
    const words = 'burn-out';
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const realJobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: words }))).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000).catch(() => undefined);
    // Sent: since stop 59 the job leaves only the blank that holds its key.
    await waitUntil('the card went', () => t.app.outbox.store.keyLeftBehind(realJobId));
    const confirm = await pressIn(t, anna, CONFIRM, buttonData(await say(anna, 'wat ziet mijn leidinggevende'), CONFIRM));
    expect(cardText(await pressIn(t, anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');

    // The reader: every outbox document, nothing else (no press key, no POLL_HASH_KEY).
    const found: string[] = [];
    const guesses = ['gesprek', 'ontwikkeling', 'salaris', 'burn-out', 'ontslag'];
    const withDigest = (await outboxJobs()).filter((j) => j.sendIf?.args?.words && typeof j.sendIf.args.recordId === 'string');
    // Until stop 59 the digest stayed with the sent job (a retry needs it while the card waits), and
    // what was tested was that it cannot be tried; since then the sent job is deleted, digest and all.
    expect(withDigest.map((j) => j.id)).toEqual([]);
    expect((await outboxJobs()).filter((j) => j.id === realJobId)).toEqual([]);
    for (const job of withDigest) {
      const args = job.sendIf.args;
      // The record id's digest is the outbox key's digest: stableId leaves its prefix out of the hash.
      const outboxKey = `talentReview.request:rq_${args.recordId.slice(args.recordId.indexOf('_') + 1)}`;
      expect(jobIdFor(outboxKey)).toBe(job.id);
      for (const key of [outboxKey, args.recordId, job.id]) {
        for (const g of guesses) if (createHmac('sha256', key).update(g, 'utf8').digest('base64url') === args.words) found.push(`${args.professionalId}: ${g}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
