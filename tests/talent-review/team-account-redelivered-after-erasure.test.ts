/**
 * Stop 49 (from stop 48's left-outs). Mia manages Anna and Bram and sends her team an account; she
 * keeps it with a count only (who it went to is stored nowhere). Anna erases her data: the erasure
 * takes her card's outbox job out. Teams then delivers Mia's send press again (the same press id).
 * Before, the directory still listed Anna, her card's key was free again, and so the press queued
 * her card a second time: an erased person was written to again.
 *
 * What must hold: the press delivered again after Anna's erasure queues nothing for her and sends
 * her no second card (nor Bram one); it answers as the first delivery did, and Mia's record is
 * unchanged. What the erasure leaves in the outbox in place of her job is the job's key alone (a
 * one-way hash of the press's key, her id and Mia's), which expires by itself: it names nobody
 * and holds nothing of hers. A new account Mia sends afterwards still reaches Anna (she is still
 * in Mia's team; only the press from before her erasure is kept from her).
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { storedText } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { DEFAULT_KEEP_SECONDS, jobIdFor } from '../../src/outbox/outbox-job';
import { teamAccountKey } from '../../src/domain/talent-review/team-account';
import { documentProblems } from '../../src/store/document-schemas';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, bram, mia] = ['Anna', 'Bram', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'OPNIEUW-BEZORGD: ik maakte elke week een uur vrij voor het leren.';
const LATER = 'LATER-VERSTUURD: volgende keer plannen we het samen.';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

describe('a send press delivered again after a recipient erased their data queues nothing for them', () => {
  let t: TestApp;
  let sendPress: Record<string, unknown>;
  let firstAnswer = '';
  const openForm = async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    return t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
  };
  const cardsTo = (who: TestUser, words: string) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(who.aadObjectId)).map((c) => c.card).filter((card) => ACCOUNT.test(cardText(card)) && cardText(card).includes(words));
  const jobIdsTo = async (aadId: string) =>
    (await t.store.container('outbox').items.query<{ id: string }>({ query: "SELECT c.id FROM c WHERE c.type = 'outboxJob' AND c.target.appUserId = @id", parameters: [{ name: '@id', value: aadId }] }).fetchAll()).resources.map((r) => r.id);
  const jobsTo = async (aadId: string) => (await jobIdsTo(aadId)).length;
  let annasJobId = '';
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as Record<string, unknown>[];
  const outboxDocs = async () => (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources as Record<string, unknown>[];

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram']);
    sendPress = { ...buttonData(await openForm(), SEND), text: WORDS };
    firstAnswer = cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send'));
    expect(firstAnswer).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    expect(cardsTo(anna, WORDS)).toHaveLength(1);
    expect(cardsTo(bram, WORDS)).toHaveLength(1);
    // Since stop 59 a sent card keeps no job under its own id, only the blank that holds its key.
    annasJobId = jobIdFor(teamAccountKey('aad-mia', String(sendPress.k), 'aad-anna'));
    expect(await t.app.outbox.store.keyLeftBehind(annasJobId)).toBe(true);

    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    expect(await jobsTo('aad-anna')).toBe(0);
  });
  afterAll(() => t?.stop());

  it('the press delivered again: nothing queued for Anna, no second card to anyone, the same answer, the record unchanged', async () => {
    const recordBefore = storedText(await keptOfMia());
    const again = cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send-again'));
    expect(again).toBe(firstAnswer);
    expect(await jobsTo('aad-anna')).toBe(0);
    await t.app.outbox.drain(60_000);
    expect(cardsTo(anna, WORDS)).toHaveLength(1);
    expect(cardsTo(bram, WORDS)).toHaveLength(1);
    // Only `confirmed` added (the delivery that found the record kept marks it so before it answers, stop 56): nothing of who erased.
    expect(storedText(await keptOfMia()).replace(',"confirmed":true', '').replace(/"_ts":\d+/, '')).toBe(recordBefore.replace(/"_ts":\d+/, ''));
  });

  it('what the outbox keeps in place of her job names nobody, holds nothing of hers, fits its schema and expires', async () => {
    const docs = await outboxDocs();
    const raw = storedText(docs);
    for (const id of [anna.aadObjectId, anna.id, anna.name]) expect(raw).not.toContain(id);
    const kept = docs.filter((d) => d.type !== 'outboxJob' && d.type !== 'personalConversation' && d.type !== 'tenantLease');
    // One blank per card of the press, erased or sent alike (since stop 59 Bram's sent card leaves one too).
    expect(kept).toHaveLength(2);
    const key = kept.find((d) => d.id === t.app.outbox.store.erasedKeyId(annasJobId)) as Record<string, unknown>;
    expect(key).toBeDefined();
    for (const blank of kept) {
      const { _rid, _self, _etag, _attachments, _ts, ...fields } = blank;
      expect(Object.keys(fields).sort()).toEqual(['id', 'ttl', 'type']);
      // Kept as long as the finished job would have been, under an id keyed with the app's secret
      // (since stop 58): not her card's job id, a plain hash of a key the manager can recompute.
      expect(fields.id).not.toBe(annasJobId);
      expect(fields.ttl).toBe(DEFAULT_KEEP_SECONDS);
      expect(documentProblems('outbox', blank)).toEqual([]);
    }
    expect(key.type).toBe('outboxErasedKey');
  });

  it('a new account Mia sends afterwards still reaches Anna (once) and Bram', async () => {
    const press = { ...buttonData(await openForm(), SEND), text: LATER };
    expect(cardText(await pressIn(t, mia, SEND, press, 'mia-send-later'))).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    expect(cardsTo(anna, LATER)).toHaveLength(1);
    expect(cardsTo(bram, LATER)).toHaveLength(1);
  });
});
