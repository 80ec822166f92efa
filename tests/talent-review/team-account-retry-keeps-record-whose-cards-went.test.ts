// Found in review, stop 63 (fixed then: a retry after its own cards went does not read the mark as an erasure's, and a delivery that queued cards of its own under a marked record confirms it).
// The take-back retry meets a record another delivery stored with `keptAfterCards` because A's
// first card had already GONE (no erasure anywhere).
/**
 * One send press on two deliveries. A stores the record and queues Anna's card; Anna's card is sent
 * (the outbox runs) while A queues Bram's, whose queue write fails. A takes the send back: deletes
 * the record; before its withdrawals, B stores the record anew: it reads Anna's key held (her card
 * went) and so marks the record `keptAfterCards`; B queues Bram's card and answers "verstuurd".
 * Bram's card goes. A's withdrawals find both cards gone, its keep-again meets B's record
 * ('storedAnew'), and A sends once more: every key is held and the record is `keptAfterCards`, so A
 * takes B's record back and answers "Met deze klik is er niets verstuurd".
 * Must hold: both cards went and B said "verstuurd", so her list keeps the account.
 */
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { pressIn } from './support/proposal-put-before';
import { cardsCarrying, isOutboxRequest, isPersonalDelete, keptOfMia, outboxCreatesFailWhile, secondCardAfterRecord, startTwoDeliveriesApp, teamAccountPress } from './support/team-account-send';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const WORDS = 'EERSTE-KAART-AL-WEG: dit ging naar iedereen en hoort in haar lijst.';
const SENT = 'Verantwoording verstuurd';

describe('a take-back retry after the first card went (no erasure)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
  }, 60_000);
  afterAll(() => t?.stop());

  it('keeps the account B said "verstuurd" on, whose cards all went', async () => {
    const press = await teamAccountPress(t, mia, WORDS);
    let failing = false;
    const outboxCreatesFail = outboxCreatesFailWhile(() => failing);
    const gate = cosmosGate(t.proxy!);
    // A, 1: held at its second card's queue write (Bram's), once its record is stored.
    const aBram = gate.hold(secondCardAfterRecord());
    // A, 2: held at its first withdrawal, once its take-back deleted the record.
    let deleted = false;
    const aWithdraws = gate.hold((req) => {
      if (isPersonalDelete(req)) {
        deleted = true;
        failing = false;
      }
      return deleted && isOutboxRequest(req);
    });
    const aP = t.proxy!.withFaults(outboxCreatesFail, () => pressIn(t, mia, SEND, press, 'press-a'));
    await aBram.arrived;
    // Anna's card goes while A queues Bram's.
    await t.app.outbox.drain(60_000);
    const annaWent = cardsCarrying(t, WORDS);
    failing = true;
    aBram.release();
    await aWithdraws.arrived;
    // B runs to its answer while A waits; then Bram's card goes too.
    const b = cardText(await pressIn(t, mia, SEND, press, 'press-b'));
    await t.app.outbox.drain(60_000);
    aWithdraws.release();
    const a = cardText(await aP);
    await t.app.outbox.drain(60_000);
    expect({ annaWent, bSaysSent: b.includes(SENT), went: cardsCarrying(t, WORDS), kept: (await keptOfMia(t)).length, aSaysNothingWent: a.includes('Met deze klik is er niets') }).toEqual({
      annaWent: 1,
      bSaysSent: true,
      went: 2,
      kept: 1,
      aSaysNothingWent: false,
    });
  }, 120_000);
});
