/**
 * A guard (held when written, in review of stop 61's own fixes, round two).
 * finishDeletedMidSend queues every card once more after she
 * deleted the account from her list while D1 was still queueing. A recipient (Anna) whose card D1
 * had queued erases her data before D1's re-queue: her job goes with her erasure (its key left
 * behind), so the re-queue must queue nothing for her; and no answer may say "verstuurd" while a
 * card could not be queued.
 */
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';
import type { IncomingMessage } from 'node:http';

const mia = user('Mia');
const anna = user('Anna');
const SEND = 'review.teamAccount.send';

describe('a recipient erased while D1 (deleted from her list) re-queues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  const cardsTo = (words: string, who: string) =>
    t.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity ?? '').includes(words) && JSON.stringify(c).includes(`personal-${who}`)).length;
  const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as { id: string; text: string }[];

  it('Anna erased between D1 queueing her card and its re-queue: no card reaches her; D1 never says verstuurd while Bram\'s cannot be queued', async () => {
    const words = 'OWN61E-ANNA-WIST: dit mag Anna na haar wissen niet krijgen.';
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const press = { ...buttonData(form, SEND), text: words };
    let senderGo!: () => void;
    const senderMayClaim = new Promise<void>((r) => (senderGo = r));
    let failCreates = false;
    let holdClaims = true;
    t.proxy!.faults = (r) => {
      if (holdClaims && r.container === 'outbox' && r.kind === 'replace') return { kind: 'hold', until: senderMayClaim };
      if (failCreates && r.container === 'outbox' && r.kind === 'create') return { kind: 'status', status: 503 };
      return undefined;
    };
    const gate = cosmosGate(t.proxy!);
    let seen = 0;
    // D1's fourth outbox document request: the second card's (Bram's) create, after Anna's was queued.
    const d1SecondCard = gate.hold((req) => /\/colls\/outbox\/docs/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true' && ++seen === 4);
    const d1 = pressIn(t, mia, SEND, press, 'own61e-d1');
    await d1SecondCard.arrived;
    const id = (await keptOfMia()).find((r) => r.text === words)!.id;
    await pressIn(t, mia, 'review.teamAccount.delete', { id }, 'own61e-phone-delete');
    // Anna erases her data now (her pending card goes with it). Sender claims may be held; let them go if needed.
    holdClaims = false;
    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    const annaBefore = cardsTo(words, 'anna');
    failCreates = true;
    d1SecondCard.release();
    const d1Answer = cardText(await d1);
    failCreates = false;
    // The path under test: D1's take-back found her delete's mark (finishDeletedMidSend), and Bram's card still failed.
    expect(d1Answer).toContain('Versturen lukte niet helemaal');
    senderGo();
    t.proxy!.faults = undefined;
    await t.app.outbox.drain(60_000);
    expect({ annaBefore, annaAfter: cardsTo(words, 'anna'), d1SaysSent: d1Answer.includes('verstuurd aan') || d1Answer.includes('Verantwoording verstuurd'), listed: (await keptOfMia()).filter((r) => r.text === words).length }).toEqual({
      annaBefore: 0,
      annaAfter: 0,
      d1SaysSent: false,
      listed: 0,
    });
  }, 90_000);
});
