// Found in review, stop 63 (fixed then: a take-back that finds the record gone with no mark of her delete never keeps it again).
// Her erasure overtakes the first delivery mid-queue, the delivery then fails (its second card's
// queue write); the press is delivered again after her erasure.
/**
 * Mia's send press, delivery A: record stored, Anna's card queued, held at Bram's queue write.
 * Mia erases her data meanwhile ("gewist": her record gone, Anna's card taken out, its key left
 * held). A's Bram write then fails: its take-back finds the record gone, the error card.
 * Found: A's take-back reads the blank her erasure left for Anna's key as "a card went" and keeps
 * the record again (keepAgain: her ticket is gone, the erasure finished), then answers the error
 * card: her words were stored after "gewist", against the error card's promise that nothing was.
 * Teams delivering the press again then found that record, queued Bram's card, confirmed it and
 * said "verstuurd".
 */
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { pressIn } from './support/proposal-put-before';
import { keptOfMia, outboxCreatesFailWhile, secondCardAfterRecord, startTwoDeliveriesApp, teamAccountPress } from './support/team-account-send';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const WORDS = 'NA-HAAR-WISSEN: deze woorden horen na gewist nergens meer te staan.';
const SENT = 'Verantwoording verstuurd';

describe('a press delivered again after her erasure overtook its first delivery mid-queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
  }, 60_000);
  afterAll(() => t?.stop());

  it('the first delivery keeps none of her words and says no "verstuurd"', async () => {
    const press = await teamAccountPress(t, mia, WORDS);
    let failing = false;
    const outboxCreatesFail = outboxCreatesFailWhile(() => failing);
    const gate = cosmosGate(t.proxy!);
    const aBram = gate.hold(secondCardAfterRecord());
    const aP = t.proxy!.withFaults(outboxCreatesFail, () => pressIn(t, mia, SEND, press, 'press-a').then(cardText, (e: unknown) => `threw ${String(e)}`));
    await aBram.arrived;
    await eraseInChat(t, mia);
    const keptAfterErasure = (await keptOfMia(t)).length;
    failing = true;
    aBram.release();
    const a = await aP;
    failing = false;
    // A answered with the error card: nothing of hers may be stored after "gewist".
    const keptAfterA = (await keptOfMia(t)).length;
    expect({ keptAfterErasure, keptAfterA, aSaysSent: a.includes(SENT) }).toEqual({ keptAfterErasure: 0, keptAfterA: 0, aSaysSent: false });
    // (Left, README: Teams delivering the press again now stores her words anew and sends the card
    // whose key is free, as a redelivery after her erasure did before stop 63.)
  }, 180_000);
});
