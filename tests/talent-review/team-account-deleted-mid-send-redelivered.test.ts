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
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardsCarrying, isOutboxWrite, keptOfMia, startTwoDeliveriesApp, teamAccountPress } from './support/team-account-send';
import { pressIn } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('a team account press delivered again while the first delivery is still queueing after her delete', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
  }, 60_000);
  afterAll(() => t?.stop());


  it('"al verstuurd" is said only when something went', async () => {
    const words = 'TUSSEN-WIS-EN-OPGEVEN: ging dit ergens heen?';
    const press = await teamAccountPress(t, mia, words);
    const gate = cosmosGate(t.proxy!);
    let seen = 0;
    const d1FirstCard = gate.hold((req) => isOutboxWrite(req) && ++seen === 2);
    const d1 = pressIn(t, mia, SEND, press, 'own61a-b-d1');
    await d1FirstCard.arrived;
    const id = (await keptOfMia(t)).find((r) => r.text === words)!.id;
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
    const went = cardsCarrying(t, words);
    const left = (await t.store.container('personal').item(id, 'aad-mia').read()).resource?.type ?? 'nothing';
    // D1 itself answers honestly (her team may not all get it), and the mark stays: her list stays without it.
    expect({ d1Sent: d1Answer.includes('Verantwoording verstuurd'), d1MaybeNotAll: d1Answer.includes('misschien krijgt niet iedereen'), left, listed: (await keptOfMia(t)).filter((r) => r.text === words).length }).toEqual({
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
