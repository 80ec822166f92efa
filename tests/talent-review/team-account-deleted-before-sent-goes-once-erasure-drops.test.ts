// Found in review, stop 59 (fixed then: a job that surely never went stays as it ended, so its key keeps holding).
// Changed in stop 61: a press again after the delete says she deleted it and that it sent nothing now, never that it went.
// Changed in stop 60 (product decision: "verstuurd" means sent; a delete from her list leaves a mark under the record's id, so the cards still waiting go).
/**
 * Mia sends her team an account; before any card is tried she deletes it from her list. Teams then
 * delivers her send press again (the same press id, e.g. her old form's button). Until stop 60 the
 * promise was that nothing she deleted went (the send-time check dropped the cards, never tried,
 * and the jobs they left held the keys, so the press again sent nothing either). Since stop 60 her
 * delete takes it out of her list and her data, never back from the team: Anna and Bram each get
 * the card exactly once (the press again queues nothing twice), and her list stays empty. What the
 * delete leaves under the record's id holds none of her words, nobody it went to, and expires;
 * her erasure deletes it with the rest of her partition, so a card of that account still in the
 * outbox after her erasure (its queue write landed after the purge) is dropped.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { CosmosTeamAccountRepository } from '../../src/store/team-account.repository';
import { teamCardMayGo } from '../../src/usecases/talent-review/account-to-team';
import { eraseInChat } from '../verantwoording/support';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, bram, mia] = ['Anna', 'Bram', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'VERWIJDERD-VOOR-VERZENDING: dit haalde ik uit mijn lijst.';

describe('an account deleted from her list before its cards went, its send press delivered again', () => {
  let t: TestApp;
  let recordId: string;
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as Record<string, unknown>[];
  const underItsId = async () => (await t.store.container('personal').item(recordId, 'aad-mia').read()).resource as Record<string, unknown> | undefined;
  const carries = (body: unknown) => JSON.stringify(body ?? '').includes(WORDS);
  // The send-time check of a card of this account (never tried), on the store as it stands: her erasure ticket read from her partition.
  const records = { get: async (userId: string, id: string) => (await t.store.container('personal').item(id, userId).read()).resource };
  const mayGo = () => teamCardMayGo({ teamAccounts: new CosmosTeamAccountRepository(t.store), verantwoording: { records } as never }, 'aad-mia', recordId);

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram']);
  }, 60_000);
  afterAll(() => t?.stop());

  it('goes to each member exactly once, and stays out of her list', async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const sendPress = { ...buttonData(form, SEND), text: WORDS };
    expect(cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send'))).toContain('Verantwoording verstuurd');
    const kept = (await keptOfMia()).find((r) => r.text === WORDS);
    expect(kept).toBeDefined();
    recordId = kept!.id as string;
    // Deleted before any card was tried.
    await pressIn(t, mia, 'review.teamAccount.delete', { id: recordId });
    expect(await keptOfMia()).toEqual([]);
    // The same press delivered again, before and after the cards went.
    const again = cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send-again'));
    await t.app.outbox.drain(60_000);
    const later = cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send-again-2'));
    await t.app.outbox.drain(60_000);
    // The outbox opens each member's 1:1 chat with their Entra id (the connector names it after them).
    const chatOf = (who: TestUser) => `a:1on1-${who.aadObjectId}`;
    const to = (who: TestUser) => t.connector.calls.filter((c) => c.method === 'POST' && carries(c.activity) && c.conversationId === chatOf(who)).length;
    const elsewhere = t.connector.calls.filter((c) => c.method === 'POST' && carries(c.activity) && ![anna, bram].some((who) => c.conversationId === chatOf(who))).length;
    const list = cardText(await pressIn(t, mia, 'review.teamAccount.list', { skip: 0 }));
    expect({ anna: to(anna), bram: to(bram), elsewhere, answers: [again, later].map((a) => a.includes('uit je lijst verwijderd') && !a.includes('Verantwoording verstuurd')), kept: await keptOfMia(), listed: list.includes(WORDS) }).toEqual({
      anna: 1,
      bram: 1,
      elsewhere: 0,
      answers: [true, true],
      kept: [],
      listed: false,
    });
  }, 90_000);

  it('what the delete left under its id holds none of her words nor whom it went to, fits its schema and expires', async () => {
    const mark = await underItsId();
    const { _rid, _self, _etag, _attachments, _ts, ...doc } = mark ?? {};
    expect(Object.keys(doc).sort()).toEqual(['deletedAt', 'id', 'ttl', 'type', 'userId']);
    expect({ type: doc.type, ttl: doc.ttl, problems: documentProblems('personal', doc) }).toEqual({ type: 'teamAccountDeleted', ttl: 7 * 24 * 3600, problems: [] });
    expect(JSON.stringify(doc)).not.toMatch(/VERWIJDERD|aad-anna|aad-bram|Anna|Bram/);
    // Her confirm for it answers as for an account not in her list.
    expect(cardText(await pressIn(t, mia, 'review.teamAccount.confirmDelete', { id: recordId }))).not.toContain(WORDS);
    expect(await mayGo()).toBe(true);
    // Hers to see: her export lists it as it lists a withdrawn request's mark, its id and when, nothing it said (stop 60).
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-mia' }) })).json();
    const reviews = (await (await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } })).json()).talentReviews;
    expect({ kept: reviews.teamAccounts, deleted: reviews.teamAccountsDeleted }).toEqual({
      kept: undefined,
      deleted: [{ id: recordId, deletedAt: doc.deletedAt, keptUntil: new Date(Date.parse(doc.deletedAt as string) + 7 * 24 * 3600 * 1000).toISOString() }],
    });
    expect(JSON.stringify(reviews)).not.toContain('VERWIJDERD');
  });

  it('her erasure deletes it with her partition: a card of that account left in the outbox after it is dropped', async () => {
    await eraseInChat(t, mia);
    expect({ underItsId: await underItsId().catch(() => undefined), mayGo: await mayGo() }).toEqual({ underItsId: undefined, mayGo: false });
  }, 90_000);
});
