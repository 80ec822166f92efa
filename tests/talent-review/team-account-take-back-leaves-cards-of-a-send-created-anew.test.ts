// Found reviewing stop 62's fixes (README "Not done yet", medium).
/**
 * One send press on two deliveries at once. A stores the record and queues Anna's card; Bram's card
 * cannot be queued (a fault), so A takes the send back: it deletes the record, then withdraws the
 * cards. Between the two, B stores the record anew (it is gone), queues both cards (Anna's is
 * waiting already, Bram's goes in now) and answers "verstuurd". A's withdrawals then take both
 * cards out: B said "verstuurd", the record is kept, and nothing went. Must hold: a delivery told
 * "verstuurd" has its cards go, and the record that says so is kept.
 */
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { pressIn } from './support/proposal-put-before';
import { cardsCarrying, isOutboxRequest, isPersonalDelete, keptOfMia, startTwoDeliveriesApp, teamAccountPress } from './support/team-account-send';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const WORDS = 'TERUGGENOMEN-EN-OPNIEUW: dit moet aankomen als het verstuurd heet.';
const SENT = 'Verantwoording verstuurd';


describe('a take-back meeting a delivery that stored the record anew', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
  }, 60_000);
  afterAll(() => t?.stop());

  it('leaves the cards of the delivery told "verstuurd": they go, and its record is kept', async () => {
    const press = await teamAccountPress(t, mia, WORDS);
    // A's queue: its first card's write goes through, every later one fails, until A's take-back has deleted the record.
    let failing = true;
    let creates = 0;
    const secondCardFails: CosmosFaultRule = (r) => {
      if (!failing || r.container !== 'outbox' || r.kind !== 'create') return undefined;
      creates++;
      return creates > 1 ? { kind: 'status', status: 503 } : undefined;
    };
    const gate = cosmosGate(t.proxy!);
    // A: held at its first withdrawal, once the take-back deleted its record.
    let deleted = false;
    const aWithdraws = gate.hold((req) => {
      if (isPersonalDelete(req)) {
        deleted = true;
        failing = false;
      }
      return deleted && isOutboxRequest(req);
    });
    const aP = t.proxy!.withFaults(secondCardFails, () => pressIn(t, mia, SEND, press, 'press-a'));
    await aWithdraws.arrived;
    // B runs to its answer while A waits.
    const b = cardText(await pressIn(t, mia, SEND, press, 'press-b'));
    aWithdraws.release();
    const a = cardText(await aP);
    await t.app.outbox.drain(60_000);
    const told = [a, b].filter((c) => c.includes(SENT)).length;
    expect({ creates: creates > 1, bSaysSent: b.includes(SENT), toldSent: told > 0, went: cardsCarrying(t, WORDS), kept: (await keptOfMia(t)).length }).toEqual({
      creates: true,
      bSaysSent: true,
      toldSent: true,
      went: 2,
      kept: 1,
    });
  }, 90_000);
});
