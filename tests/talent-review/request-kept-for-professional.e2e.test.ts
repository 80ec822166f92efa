/**
 * Stop 48: the professional's request for a talentontwikkelgesprek is kept for them (seed 001: the
 * professional owns their story). Before, a request was sent and nothing was kept: the professional
 * was not told that they had asked, and could not look back on it (README "Not done yet").
 *
 * Now a sent request keeps one record in the professional's own `personal` partition (id from the
 * press: a redelivered or double press keeps one; the manager by id only; their message as sent);
 * "Wat ziet mijn leidinggevende?" and the request form say "Je vroeg <manager> op <datum> om een
 * gesprek" until a conversation with that manager is planned on or after it; they can withdraw it
 * (their record only: the card stays in the manager's chat); their export lists it, their erasure
 * deletes it, and their manager's erasure takes the manager's id off it. A card that cannot be
 * queued keeps nothing; nothing is kept without a manager or with a conversation planned.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna, Bram (English), Cem and Eva;
 * Olga manages Mia and Gus; Gus manages Fay; Dewi has no manager.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { directoryFile } from './support/proposal-put-before';

const [anna, bram, cem, dewi, eva, fay, gus, mia] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Fay', 'Gus', 'Mia'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';
const ASKED_ANNA = 'Je vroeg Mia op ma 23 november om een gesprek.';
const ERROR = /Er ging iets mis|Dat lukte niet|Something went wrong/;

describe('the professional\'s request for a talentontwikkelgesprek is kept for them', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(chat(who), who, text));
    return lastCardIn(who);
  };
  const preview = (who: TestUser) => say(who, 'wat ziet mijn leidinggevende');
  const openForm = (who: TestUser) => press(who, 'review.request.open', {});
  /** The kept requests as stored, read directly (never counted or failed). */
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as Record<string, unknown>[];
  const own = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
  const requestsTo = (aadId: string, who: string) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => cardText(c.card)).filter((text) => text.includes(`${who} vraagt`) || text.includes(`${who} requests`));
  const exportOf = async (userId: string) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
      { id: 'aad-gus', name: 'Gus', managerId: 'aad-olga' },
      { id: 'aad-fay', name: 'Fay', managerId: 'aad-gus' },
      { id: 'aad-dewi', name: 'Dewi' },
      { id: 'aad-olga', name: 'Olga' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    await t.send(message(chat(bram), bram, 'taal en'));
  }, 120_000);
  afterAll(() => t.stop());

  it('keeps one record of Anna\'s request, in her partition, however often Teams delivers the press or she presses twice', async () => {
    const data = { ...buttonData(await openForm(anna), SEND), text: 'Over *mentorschap*' };
    expect(cardText(await press(anna, SEND, data, 'anna-press'))).toContain('Je verzoek is naar Mia gestuurd.');
    // Teams delivers the same press again, and Anna presses the same button a second time.
    expect(cardText(await press(anna, SEND, data, 'anna-press'))).not.toMatch(ERROR);
    expect(cardText(await press(anna, SEND, data, 'anna-press-2'))).not.toMatch(ERROR);
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia', 'Anna')).toHaveLength(1);

    const kept = await keptOf('aad-anna');
    // `confirmed`: a delivery of the press found it and answered on it, so no late take-back undoes it (stop 60).
    expect(kept.map(own)).toEqual([{ id: expect.any(String), type: 'reviewRequest', userId: 'aad-anna', managerId: 'aad-mia', sentAt: expect.stringMatching(/^2026-11-23T/), message: 'Over *mentorschap*', confirmed: true }]);
    // The manager by id only: no name is kept.
    expect(JSON.stringify(kept)).not.toContain('Mia');
    expect(documentProblems('personal', kept[0]!)).toEqual([]);
  });

  it('costs the send one create in Anna\'s partition more, and her preview one query there, never across partitions', async () => {
    const data = { ...buttonData(await openForm(anna), SEND), text: 'Tel mij' };
    t.proxy!.reset();
    await press(anna, SEND, data);
    const send = t.proxy!.seen.filter((r) => r.kind !== 'metadata' && r.kind !== 'queryPlan');
    // Besides the language reads the send made before (point reads), one create: the record.
    expect(send.filter((r) => r.container === 'personal' && r.kind !== 'pointRead').map((r) => r.kind)).toEqual(['create']);
    expect(send.filter((r) => r.crossPartition)).toEqual([]);
    t.proxy!.reset();
    await preview(anna);
    const shown = t.proxy!.seen.filter((r) => r.container === 'personal' && r.kind === 'query');
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(t.proxy!.seen.filter((r) => r.crossPartition)).toEqual([]);
    // Taken back, so the tests below see Anna's first request only.
    await press(anna, WITHDRAW, { id: (await keptOf('aad-anna')).find((r) => r.message === 'Tel mij')!.id });
    expect(await keptOf('aad-anna')).toHaveLength(1);
  });

  it('tells Anna she asked, on "Wat ziet mijn leidinggevende?" and on the request form', async () => {
    const shown = await preview(anna);
    expect(cardText(shown)).toContain(ASKED_ANNA);
    expect(buttonData(shown, CONFIRM).id).toBe((await keptOf('aad-anna'))[0]!.id);
    expect(cardProblems(shown)).toEqual([]);

    const form = await say(anna, 'gesprek aanvragen');
    expect(cardText(form)).toContain(ASKED_ANNA);
    expect(buttonData(form, SEND)).toBeDefined();
    expect(cardProblems(form)).toEqual([]);
  });

  it('lists the request in Anna\'s export as made, and in Mia\'s only as received (stop 49)', async () => {
    const [kept] = await keptOf('aad-anna');
    expect((await exportOf('aad-anna')).talentReviews.requestsMade).toEqual([{ id: kept!.id, managerId: 'aad-mia', sentAt: kept!.sentAt, message: 'Over *mentorschap*' }]);
    // Stop 49: what her card showed is hers to know (tests/privacy/export-lists-requests-received.test.ts).
    const mias = (await exportOf('aad-mia')).talentReviews;
    expect({ made: mias.requestsMade, received: mias.requestsReceived }).toEqual({ made: undefined, received: [{ id: kept!.id, from: 'aad-anna', sentAt: kept!.sentAt, message: 'Over *mentorschap*' }] });
  });

  it('lets Anna withdraw her own record after a confirm that says Mia\'s card stays; a repeat deletes nothing more', async () => {
    await t.app.outbox.drain(60_000);
    const toMia = requestsTo('aad-mia', 'Anna');
    const confirm = await press(anna, CONFIRM, buttonData(await preview(anna), CONFIRM));
    expect(cardText(confirm)).toContain('Het kaartje dat je leidinggevende al kreeg, blijft in hun chat staan.');
    expect(cardProblems(confirm)).toEqual([]);
    expect(await keptOf('aad-anna')).toHaveLength(1);

    const done = await press(anna, WITHDRAW, buttonData(confirm, WITHDRAW), 'anna-withdraw');
    expect(cardText(done)).toContain('Je verzoek is ingetrokken');
    expect(await keptOf('aad-anna')).toEqual([]);
    const again = await press(anna, WITHDRAW, buttonData(confirm, WITHDRAW), 'anna-withdraw');
    expect(cardText(again)).not.toMatch(ERROR);
    expect(cardText(await preview(anna))).not.toContain('Je vroeg');
    // Mia's chat keeps the cards she got.
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia', 'Anna')).toEqual(toMia);
  });

  it('stops telling Anna she asked once Mia plans a conversation after it, and keeps the record', async () => {
    await press(anna, SEND, { ...buttonData(await openForm(anna), SEND), text: 'Nog een keer' });
    expect(cardText(await preview(anna))).toContain(ASKED_ANNA);
    await press(mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const shown = cardText(await preview(anna));
    expect(shown).not.toContain('Je vroeg');
    expect(shown).toContain('14 december');
    expect(await keptOf('aad-anna')).toHaveLength(1);
  });

  it('keeps nothing when the manager\'s card cannot be queued, and the retry keeps one', async () => {
    const form = await openForm(eva);
    const failed = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => press(eva, SEND, { ...buttonData(form, SEND), text: 'Eerste woorden' }),
    );
    expect(cardText(failed)).toContain('Versturen lukte nu niet');
    expect(await keptOf('aad-eva')).toEqual([]);

    // The card is queued but the store's answer is lost: the error card, still nothing kept.
    const lost = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'dropAfter' } : undefined),
      () => press(eva, SEND, { ...buttonData(failed, SEND), text: 'Eerste woorden' }),
    );
    expect(cardText(lost)).toContain('Versturen lukte nu niet');
    expect(await keptOf('aad-eva')).toEqual([]);
    // Eva presses again with other words: Mia gets the first words once; the record does not claim the new ones went.
    await press(eva, SEND, { ...buttonData(lost, SEND), text: 'Andere woorden' });
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia', 'Eva')).toEqual([expect.stringContaining('Eerste woorden')]);
    const kept = await keptOf('aad-eva');
    expect(kept.map(own)).toEqual([{ id: expect.any(String), type: 'reviewRequest', userId: 'aad-eva', managerId: 'aad-mia', sentAt: expect.any(String) }]);
  });

  it('keeps only requests that went: none for Dewi (no manager), none for Cem\'s send once a conversation is planned', async () => {
    expect(cardText(await press(dewi, SEND, { text: 'Mag ik een gesprek?', k: 'dewi-form' }))).toContain('geen leidinggevende');
    // Cem asks while nothing is planned (kept), Mia plans, and Cem's next send is refused (nothing more kept).
    await press(cem, SEND, { ...buttonData(await openForm(cem), SEND), text: 'Eerste vraag' });
    await press(mia, 'review.plan.save', { reportId: 'aad-cem', date: '2026-12-15', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    expect(cardText(await press(cem, SEND, { text: 'Kunnen we praten?', k: 'cem-form' }))).toContain('al gepland');
    expect(await keptOf('aad-dewi')).toEqual([]);
    expect((await keptOf('aad-cem')).map((r) => r.message)).toEqual(['Eerste vraag']);
  });

  it('tells Bram, in English, that he asked, and asks him in English before withdrawing', async () => {
    await press(bram, SEND, { ...buttonData(await openForm(bram), SEND), text: 'Can we talk?' });
    const shown = await preview(bram);
    expect(cardText(shown)).toContain('You asked Mia for a conversation on Mon 23 November.');
    expect(cardText(await say(bram, 'request conversation'))).toContain('You asked Mia for a conversation on Mon 23 November.');
    const confirm = await press(bram, CONFIRM, buttonData(shown, CONFIRM));
    expect(cardText(confirm)).toContain('The card your manager already got stays in their chat.');
    expect(cardText(await press(bram, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Your request is withdrawn');
    expect(await keptOf('aad-bram')).toEqual([]);
  });

  it('keeps Fay\'s record, without Gus\'s id, when Gus erases his data; Fay\'s own erasure deletes it', async () => {
    await press(fay, SEND, { ...buttonData(await openForm(fay), SEND), text: 'Graag een gesprek' });
    expect(await keptOf('aad-fay')).toHaveLength(1);

    await say(gus, 'wis mijn gegevens');
    expect(cardText(await press(gus, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    const [kept, ...more] = await keptOf('aad-fay');
    expect(more).toEqual([]);
    expect(own(kept!)).toEqual({ id: expect.any(String), type: 'reviewRequest', userId: 'aad-fay', sentAt: expect.any(String), message: 'Graag een gesprek' });
    expect(documentProblems('personal', kept!)).toEqual([]);
    expect((await exportOf('aad-fay')).talentReviews.requestsMade).toEqual([{ id: kept!.id, sentAt: kept!.sentAt, message: 'Graag een gesprek' }]);

    await say(fay, 'wis mijn gegevens');
    expect(cardText(await press(fay, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    expect(await keptOf('aad-fay')).toEqual([]);
  });
});
