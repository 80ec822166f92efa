/**
 * Found in review, stop 51: putting a proposal before the manager across languages. Anna chose
 * English, Mia (her manager) Dutch. Anna opens the form in English, switches to Dutch, presses
 * the English form's send, and Teams delivers that press again. Then Mia switches to English
 * while her card waits in the outbox. Who reads which language, and is it one record, one card?
 */
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { chatOverview, directoryFile, groupDecides, personalChat, pressIn } from './support/proposal-put-before';

const ANSWER_1 = 'Goed plan, we plannen het in';
const ANSWER_2 = 'Liever na de zomer';
const ANSWER_3 = 'Toch liever in het voorjaar';

const [anna, bram, cem, mia] = [user('Anna'), user('Bram'), user('Cem'), user('Mia')];
const WORDS = 'Graag bespreken in ons gesprek';

describe('the put-before across a language switch', () => {
  let t: TestApp;
  const records = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'proposalToManager'", { partitionKey: 'aad-anna' }).fetchAll()).resources;
  const toMia = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => cardText(c.card)).filter((x) => /A proposal for you|Een voorstel voor jou/.test(x));

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram' }, { id: 'aad-cem', name: 'Cem' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    await groupDecides(t, '19:s51-lang@thread.v2', [anna, bram, cem]);
    await t.send(message(personalChat(t, anna), anna, 'taal en'));
  }, 120_000);
  afterAll(() => t?.stop());

  it('the English form\'s send pressed after Anna switched to Dutch, and delivered again: one record, Anna answered in Dutch, one card for Mia in the English she chose before it reached her', async () => {
    const overview = await chatOverview(t, anna);
    const form = await pressIn(t, anna, 'review.proposalToManager.open', buttonData(overview, 'review.proposalToManager.open'));
    expect(cardText(form)).toMatch(/Put a proposal before your manager/);
    await t.send(message(personalChat(t, anna), anna, 'taal nl'));
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS };
    const first = await pressIn(t, anna, 'review.proposalToManager.send', data, 'press-1');
    const again = await pressIn(t, anna, 'review.proposalToManager.send', data, 'press-1');
    expect(cardText(again)).toBe(cardText(first));
    expect(await records()).toHaveLength(1);
    expect(cardText(first)).not.toMatch(/manager|proposal/i); // Anna is answered in the language she has now
    expect(toMia()).toEqual([]); // still in the outbox, not yet in Mia's chat
    // Mia switches to English while her card still waits in the outbox.
    await t.send(message(personalChat(t, mia), mia, 'taal en'));
    await t.app.outbox.drain(60_000);
    const cards = toMia();
    expect(cards).toHaveLength(1);
    // She chose English before the card reached her: the card should speak it (prep cards are rendered when they go).
    expect(cards[0]).toMatch(/A proposal for you/);
    expect(cards[0]).toContain(WORDS);
  }, 120_000);

  it('Mia\'s answer reaches Anna in the language Anna chose while its notice waited; a second answer before it went leaves one notice, with the answer that stands', async () => {
    const toAnna = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-anna')).map((c) => cardText(c.card)).filter((x) => /An answer to your proposal|Antwoord op je voorstel/.test(x));
    const mias = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => c.card).filter((c) => /A proposal for you/.test(cardText(c)));
    const card = mias.at(-1)!;
    await pressIn(t, mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer: ANSWER_1 });
    // Anna (Dutch since the first test) switches to English while the notice waits in the outbox.
    await t.send(message(personalChat(t, anna), anna, 'taal en'));
    await t.app.outbox.drain(60_000);
    const first = toAnna();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/An answer to your proposal/);
    expect(first[0]).toContain(ANSWER_1);
    // Two answers before the outbox sends: the notice of the first, overtaken, does not go; the second's does, once.
    await pressIn(t, mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer: ANSWER_2 });
    await pressIn(t, mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer: ANSWER_3 });
    await t.app.outbox.drain(60_000);
    const after = toAnna().slice(1);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain(ANSWER_3);
    expect(after[0]).not.toContain(ANSWER_2);
    await t.send(message(personalChat(t, anna), anna, 'taal nl'));
  }, 120_000);

  it('Anna\'s Dutch overview lists the put-before with a Dutch date label, once', async () => {
    const text = cardText(await chatOverview(t, anna));
    expect(text.match(/Voorgelegd aan/g)).toHaveLength(1);
    expect(text).not.toMatch(/Put before|Nov 23|November 23/);
  }, 60_000);
});
