/**
 * Found in review, stop 47. Mia manages Anna and Bram and sends her team an account; Mia keeps it
 * in her own partition. Records kept in stop 47 held whom it went to (their ids and names); since
 * stop 48 a new record holds only how many (team-account-kept-names-nobody.test.ts). This file
 * covers such an older record: the send's record is rewritten as stop 47 kept it. Then Anna erases
 * her data ("wis mijn gegevens"). Before, Anna's id and name stayed in Mia's kept record and her list,
 * while every other trace of an erased person is removed or anonymised.
 *
 * What must hold: after Anna's erasure the stored record (read raw) holds neither Anna's id nor
 * her name, Bram's stay, and it still fits its schema; Mia's list, in Dutch and in English, names
 * nobody and still counts two people, as before the erasure (stop 48: the list never names who).
 * The same send press delivered again afterwards sends nobody a second card and queues nothing for
 * Anna, yet answers as the first delivery did, naming Anna as the form and the directory have her
 * (stop 48 review: an answer without her told Mia who erased; see
 * team-account-repress-tells-nobody-who-erased.test.ts); the erasure's step run once more (a
 * resumed erasure) changes nothing.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { storedText } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { CosmosTeamAccountRepository } from '../../src/store/team-account.repository';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'HALFJAAR-WOORDEN: ik maakte elke week een uur vrij voor het leren.';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

describe('a member who erases their data is no longer named in their manager\'s kept team accounts', () => {
  let t: TestApp;
  let sendPress: Record<string, unknown>;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const openForm = async (locale?: string) => {
    await t.send({ ...message(personalChat(t, mia), mia, 'teamverantwoording'), ...(locale ? { locale } : {}) });
    return lastCardIn(mia);
  };
  /** Mia's kept accounts as stored, read directly. */
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: 'aad-mia' }] }).fetchAll()).resources as Record<string, unknown>[];
  /** The form's text from its earlier accounts on (above them: who a new account goes to, as the directory has the team now). */
  const keptPart = (form: unknown) => {
    const text = cardText(form);
    const at = text.search(/Je eerdere verantwoordingen|Your earlier accounts/);
    expect(at).toBeGreaterThan(-1);
    return text.slice(at);
  };
  const accountsTo = (aadId: string) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => ACCOUNT.test(cardText(card)) && cardText(card).includes('HALFJAAR-WOORDEN'));
  const outboxJobsAbout = async (aadId: string) =>
    (await t.store.container('outbox').items.query({ query: "SELECT c.id FROM c WHERE c.type = 'outboxJob' AND ARRAY_CONTAINS(c.about, @id)", parameters: [{ name: '@id', value: aadId }] }).fetchAll()).resources.length;

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram']);
    const form = await openForm();
    sendPress = { ...buttonData(form, SEND), text: WORDS };
    expect(cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send'))).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    expect(accountsTo('aad-anna')).toHaveLength(1);
    expect(accountsTo('aad-bram')).toHaveLength(1);
    // The record as stop 47 kept it: the recipients by id and name instead of a count.
    const [kept] = (await keptOfMia()) as [Record<string, unknown>];
    const { recipientCount: _count, _rid, _self, _etag, _attachments, _ts, ...rest } = kept;
    const older = { ...rest, recipients: [{ id: 'aad-anna', name: 'Anna' }, { id: 'aad-bram', name: 'Bram' }] };
    expect(documentProblems('personal', older)).toEqual([]);
    await t.store.container('personal').items.upsert(older);
    expect(storedText(await keptOfMia())).toContain('aad-anna');

    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
  });
  afterAll(() => t?.stop());

  it('the stored record holds neither Anna\'s id nor her name, keeps Bram\'s, counts her as erased and fits its schema', async () => {
    const kept = await keptOfMia();
    expect(kept).toHaveLength(1);
    const [record] = kept as [Record<string, unknown>];
    const raw = storedText(kept);
    expect(raw).not.toContain('aad-anna');
    expect(raw).not.toContain('Anna');
    expect(raw).toContain('aad-bram');
    expect(record.recipients).toEqual([{ id: 'aad-bram', name: 'Bram' }]);
    expect(record.text).toBe(WORDS);
    expect(documentProblems('personal', record)).toEqual([]);
  });

  it('Mia\'s list names nobody and still counts two people, in Dutch and in English (nothing says someone erased)', async () => {
    const nl = await openForm();
    expect(cardText(nl)).toContain('aan je 2 directe collega\'s:');
    // The form still names Anna where it says who a new account goes to (the directory's team now); its kept part names nobody.
    expect(keptPart(nl)).not.toMatch(/Anna|Bram|gewist/);
    expect(cardProblems(nl)).toEqual([]);
    const all = await pressIn(t, mia, 'review.teamAccount.list', { skip: 0 });
    expect(cardText(all)).toContain('aan je 2 directe collega\'s:');
    expect(cardText(all)).not.toMatch(/Anna|Bram|gewist/);

    const en = await openForm('en-US');
    expect(cardText(en)).toContain('to your 2 direct reports:');
    expect(keptPart(en)).not.toMatch(/Anna|Bram|erased/);
    expect(cardProblems(en)).toEqual([]);
  });

  it('the same send press delivered again: no second card to Bram, nothing queued for Anna, the record unchanged', async () => {
    const before = storedText(await keptOfMia());
    const answer = await pressIn(t, mia, SEND, sendPress, 'mia-send-again');
    expect(cardText(answer)).toContain('Verantwoording verstuurd');
    // The answer names whom the form named, as the directory has them (as the first answer did): it does not tell who erased.
    expect(cardText(answer)).toContain('Anna');
    expect(cardText(answer)).toContain('Bram');
    await t.app.outbox.drain(60_000);
    expect(await outboxJobsAbout('aad-anna')).toBe(0);
    expect(accountsTo('aad-anna')).toHaveLength(1);
    expect(accountsTo('aad-bram')).toHaveLength(1);
    // Only `confirmed` added (the delivery that found the record kept marks it so before it answers, stop 56): nothing of who erased.
    expect(storedText(await keptOfMia()).replace(',"confirmed":true', '').replace(/"_ts":\d+/, '')).toBe(before.replace(/"_ts":\d+/, ''));
  });

  it('the erasure\'s step run again (a resumed erasure) changes nothing', async () => {
    const before = storedText(await keptOfMia());
    expect(await new CosmosTeamAccountRepository(t.store).forgetRecipient('aad-anna')).toBe(0);
    expect(storedText(await keptOfMia())).toBe(before);
  });
});
