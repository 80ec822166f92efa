/**
 * Found in review, stop 56 (fixed then: the request card's send-time check, requestCardMayGo, also
 * drops a card whose request was withdrawn before it went).
 *
 * Anna asks Mia for a talentontwikkelgesprek and is told it went. Teams answers the first try of
 * Mia's card with a 503, so it waits for its retry. Meanwhile Anna withdraws the request ("Verzoek
 * intrekken": "Het kaartje dat je leidinggevende al kreeg, blijft in hun chat staan"). Mia had got
 * nothing yet; the card's retry found the withdraw's mark under the request's id, read it as the
 * record, and Mia got a request that no longer stood.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { personalChat, pressIn, startRequestApp } from './support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { requestKey } from '../../src/domain/talent-review/review-request';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const WORDS = 'INGETROKKEN-VOOR-VERZENDING: graag een gesprek over mijn ontwikkeling';
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';

describe('a request withdrawn while its card waits for a retry', () => {
  let t: TestApp;
  const carries = (body: unknown) => JSON.stringify(body ?? '').includes(WORDS);
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(personalChat(t, who), who, text));
    return lastCardIn(who);
  };
  const job = async (id: string) => (await t.store.container('outbox').item(id, id).read()).resource as { status: string } | undefined;

  beforeAll(async () => {
    t = await startRequestApp(anna, mia);
  }, 120_000);
  afterAll(() => t?.stop());

  it('Mia never gets the request Anna withdrew before it reached her', async () => {
    let refused = 0;
    let teamsDown = true;
    t.connector.faults.push((req) => (teamsDown && req.method === 'POST' && carries(req.body) ? (refused++, { status: 503 }) : undefined));
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: WORDS }))).toContain('Je verzoek is naar Mia gestuurd.');
    // Teams refuses the card's first try: it waits for its retry.
    await t.app.outbox.drain(1_500).catch(() => undefined);
    await waitUntil('a try of Mia\'s card refused', () => refused >= 1);
    expect((await job(jobId))?.status).toBe('pending');

    const confirm = await pressIn(t, anna, CONFIRM, buttonData(await say(anna, 'wat ziet mijn leidinggevende'), CONFIRM));
    expect(cardText(await pressIn(t, anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');

    teamsDown = false;
    await t.app.outbox.drain(60_000).catch(() => undefined);
    const reachedMia = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(mia.aadObjectId)).some((c) => carries(c.card));
    // Dropped unsent by its check: kept as it ended (it surely never went), no blank for it.
    expect({ reachedMia, status: (await job(jobId))?.status, keyHeld: await t.app.outbox.store.keyLeftBehind(jobId) }).toEqual({ reachedMia: false, status: 'skipped', keyHeld: false });

    // The same press again (Teams redelivers it, or the form still open on her phone).
    // It says the request was withdrawn and nothing went now (not "sent": her words are back in the
    // form, to ask anew); nothing is kept again, and the card, queued again, is dropped again.
    const again = cardText(await pressIn(t, anna, SEND, { ...data, text: WORDS }));
    expect(again).toContain('Dit verzoek heb je ingetrokken; er is nu niets verstuurd en niets bewaard.');
    expect(again).not.toContain('gestuurd.');
    await t.app.outbox.drain(60_000).catch(() => undefined);
    const kept = await t.store.container('personal').items.query({ query: "SELECT c.id FROM c WHERE c.type = 'reviewRequest' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll();
    expect(kept.resources).toEqual([]);
    expect(t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(mia.aadObjectId)).some((c) => carries(c.card))).toBe(false);
  }, 120_000);
});
