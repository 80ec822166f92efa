/**
 * Found in review, stop 61 (fixed then: a send still queueing when she deleted it withdraws nothing and
 * keeps the mark; a press again that finds the mark never says the account went).
 *
 * Case 1: Mia presses send (D1, creates the record, held on its first card's create). She deletes it
 * from her list on her phone. Teams, finding D1 slow, delivers the press again (D2, the answer her card
 * shows): D2 found the mark and said "al verstuurd". D1's queue then failed throughout: it withdrew
 * what it queued (nothing), dropped the mark and answered the error card. Nothing went, yet her card
 * said it had been sent.
 */
import type { IncomingMessage } from 'node:http';
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('a team account press delivered again while the first delivery is still queueing after her delete', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  const cardsCarrying = (words: string) => t.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity ?? '').includes(words)).length;
  const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as { id: string; text: string }[];

  it('"al verstuurd" is said only when something went', async () => {
    const words = 'TUSSEN-WIS-EN-OPGEVEN: ging dit ergens heen?';
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const press = { ...buttonData(form, SEND), text: words };
    const gate = cosmosGate(t.proxy!);
    let seen = 0;
    const d1FirstCard = gate.hold((req) => /\/colls\/outbox\/docs/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true' && ++seen === 2);
    const d1 = pressIn(t, mia, SEND, press, 'own61a-b-d1');
    await d1FirstCard.arrived;
    const id = (await keptOfMia()).find((r) => r.text === words)!.id;
    await pressIn(t, mia, 'review.teamAccount.delete', { id }, 'own61a-b-phone-delete');
    // Teams delivers the slow press again: this answer is what her card shows.
    const shown = cardText(await pressIn(t, mia, SEND, press, 'own61a-b-d2'));
    const d1Answer = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      async () => {
        d1FirstCard.release();
        return cardText(await d1);
      },
    );
    await t.app.outbox.drain(60_000);
    const saidWentBefore = shown.includes('al verstuurd') || shown.includes('Verantwoording verstuurd');
    const went = cardsCarrying(words);
    const left = (await t.store.container('personal').item(id, 'aad-mia').read()).resource?.type ?? 'nothing';
    // D1 itself answers honestly (her team may not all get it), and the mark stays: her list stays without it.
    expect({ d1Sent: d1Answer.includes('Verantwoording verstuurd'), d1MaybeNotAll: d1Answer.includes('misschien krijgt niet iedereen'), left, listed: (await keptOfMia()).filter((r) => r.text === words).length }).toEqual({
      d1Sent: false,
      d1MaybeNotAll: true,
      left: 'teamAccountDeleted',
      listed: 0,
    });
    expect(saidWentBefore).toBe(false);
    // Promised: her card never says it went when nothing went.
    expect({ shown: saidWentBefore ? 'told it went' : 'not told it went', went }).not.toEqual({ shown: 'told it went', went: 0 });
  }, 90_000);
});
