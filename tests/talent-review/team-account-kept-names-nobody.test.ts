/**
 * Stop 48 (privacy). Mia manages Anna, Bram and Cem and sends her team an account; she keeps it to
 * look back on. Before, the kept list named the recipients, and after Anna erased her data it
 * showed "Bram, Cem, 1 persoon van wie de naam is gewist": comparing the list before and after told
 * Mia exactly who erased. The record also kept every recipient's id and name.
 *
 * What must hold: a database reader finds no recipient's name or id (app or Teams) in the new
 * record, only how many it went to; Mia (the adversary) reads her kept list (on the form and the
 * full list, in Dutch and in English) and her export before and after Anna's erasure, and they are
 * identical; the record is unchanged by the erasure. The "sent" card right after the send still
 * names them (from the form, not stored), and the same press delivered again after the erasure
 * shows that same card again and sends Bram and Cem no second card.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { storedText } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, bram, cem, mia] = ['Anna', 'Bram', 'Cem', 'Mia'].map(user) as [TestUser, TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'TELWOORDEN: ik maakte elke week een uur vrij voor het leren.';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

describe('a manager\'s kept team accounts name nobody: a member\'s erasure changes nothing she sees', () => {
  let t: TestApp;
  let sendPress: Record<string, unknown>;
  let firstAnswer = '';
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const openForm = async (locale?: string) => {
    await t.send({ ...message(personalChat(t, mia), mia, 'teamverantwoording'), ...(locale ? { locale } : {}) });
    return lastCardIn(mia);
  };
  /** The form's text from its earlier accounts on (above them: who a new account goes to, the directory's team now). */
  const keptPart = (form: unknown) => {
    const text = cardText(form);
    const at = text.search(/Je eerdere verantwoordingen|Your earlier accounts/);
    expect(at).toBeGreaterThan(-1);
    return text.slice(at);
  };
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: 'aad-mia' }] }).fetchAll()).resources as Record<string, unknown>[];
  const exportOfMia = async () => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-mia' }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()).talentReviews.teamAccounts as unknown;
  };
  /** Everything Mia can read of her kept accounts: the form's kept part and the full list, in both languages, and her export. */
  const whatMiaSees = async () => {
    const nl = await openForm();
    const en = await openForm('en-US');
    const all = await pressIn(t, mia, 'review.teamAccount.list', { skip: 0 });
    expect(cardProblems(nl)).toEqual([]);
    expect(cardProblems(all)).toEqual([]);
    return { nl: keptPart(nl), en: keptPart(en), all: JSON.stringify(all), exported: JSON.stringify(await exportOfMia()) };
  };
  const accountsTo = (who: TestUser) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(who.aadObjectId)).map((c) => c.card).filter((card) => ACCOUNT.test(cardText(card)) && cardText(card).includes('TELWOORDEN'));

  let before: Awaited<ReturnType<typeof whatMiaSees>>;
  let recordBefore = '';

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram', 'Cem']);
    const form = await openForm();
    sendPress = { ...buttonData(form, SEND), text: WORDS };
    firstAnswer = cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send'));
    await t.app.outbox.drain(60_000);
    for (const who of [anna, bram, cem]) expect(accountsTo(who)).toHaveLength(1);
    recordBefore = storedText(await keptOfMia());
    before = await whatMiaSees();
  });
  afterAll(() => t?.stop());

  it('the "sent" card right after the send names them (from the form)', () => {
    expect(firstAnswer).toContain('Verantwoording verstuurd');
    expect(firstAnswer).toContain('Anna, Bram, Cem');
  });

  it('a database reader finds no recipient\'s name or id in the new record, only how many it went to', async () => {
    const kept = await keptOfMia();
    expect(kept).toHaveLength(1);
    const [record] = kept as [Record<string, unknown>];
    expect(record.recipientCount).toBe(3);
    expect(record.text).toBe(WORDS);
    const raw = storedText(kept);
    for (const who of [anna, bram, cem]) {
      expect(raw).not.toContain(who.name);
      expect(raw).not.toContain(who.aadObjectId);
      expect(raw).not.toContain(who.id);
    }
    expect(documentProblems('personal', record)).toEqual([]);
  });

  it('her list says how many, never who', () => {
    expect(before.nl).toContain('23 november 2026, aan je 3 directe collega\'s:');
    expect(before.en).toContain('to your 3 direct reports:');
    for (const shown of Object.values(before)) for (const who of [anna, bram, cem]) expect(shown).not.toContain(who.name);
    expect(JSON.parse(before.exported)).toEqual([{ id: expect.any(String), text: WORDS, sentAt: '2026-11-23T08:00:00.000Z', language: 'nl', recipientCount: 3, toOwnManager: false }]);
  });

  it('after Anna erases her data, everything Mia reads of her kept accounts is identical, and so is the record', async () => {
    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    expect(await whatMiaSees()).toEqual(before);
    expect(storedText(await keptOfMia())).toBe(recordBefore);
  });

  it('the same send press delivered again shows the same "sent" card and sends Bram and Cem no second card', async () => {
    const again = await pressIn(t, mia, SEND, sendPress, 'mia-send-again');
    expect(cardText(again)).toBe(firstAnswer);
    await t.app.outbox.drain(60_000);
    expect(accountsTo(bram)).toHaveLength(1);
    expect(accountsTo(cem)).toHaveLength(1);
    // Only `confirmed` added (a delivery that finds the record kept marks it so before it answers "sent", stop 56).
    expect(storedText(await keptOfMia()).replace(',"confirmed":true', '').replace(/"_ts":\d+/, '')).toBe(recordBefore.replace(/"_ts":\d+/, ''));
  });
});
