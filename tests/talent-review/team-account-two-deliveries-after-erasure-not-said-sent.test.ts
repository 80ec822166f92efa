// Found reviewing stop 62's fixes (README "Not done yet", high).
/**
 * Mia sends her team an account, it goes, and she erases her data ("gewist"): her record goes, and
 * each card's key stays held by a blank. Then her old send press is delivered twice at once (two
 * instances, or a redelivery of a slow answer). B stores her words anew (the record is gone) and
 * meets every key held; before it takes the record back, A finds the record, meets every key held
 * too, confirms it and answers "verstuurd"; B's take-back then finds it confirmed and answers
 * "verstuurd" as well. Her words were back in her data, and she was told twice that something went
 * that never did. Must hold: after her erasure an old press never brings her words back, and never
 * says "verstuurd" (it answers as one redelivery after her erasure does: this click sent nothing).
 */
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { pressIn } from './support/proposal-put-before';
import { firstCardAfterRecord, keptOfMia, sentThenErased, startTwoDeliveriesApp } from './support/team-account-send';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const WORDS = 'TWEE-KEER-NA-WISSING: deze woorden horen weg te blijven.';
const SENT = 'Verantwoording verstuurd';
const SENT_NOTHING = 'Met deze klik is er niets';
const NOT_SENT = [SENT_NOTHING, 'Nog niet verstuurd', 'Niet verstuurd en niet bewaard', 'Niet helemaal verstuurd'];

describe('an old send press delivered twice at once after her erasure', () => {
  let t: TestApp;
  let press: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
    press = await sentThenErased(t, mia, WORDS);
  }, 120_000);
  afterAll(() => t?.stop());

  it('keeps none of her words and tells neither delivery "verstuurd"', async () => {
    const gate = cosmosGate(t.proxy!);
    // B: held at its first outbox request once its record is created (its first card's queue).
    const bQueues = gate.hold(firstCardAfterRecord());
    const bP = pressIn(t, mia, SEND, press, 'again-b');
    await bQueues.arrived;
    // A runs to its answer while B waits.
    const a = cardText(await pressIn(t, mia, SEND, press, 'again-a'));
    bQueues.release();
    const b = cardText(await bP);
    const kept = (await keptOfMia(t)).map((r) => r.text);
    // Each says this click sent nothing; on a busy machine a delivery held past its save window may
    // say instead that nothing was sent now, or that her data is being erased (a CI run, stop 63).
    const saysNotSent = (text: string) => NOT_SENT.some((s) => text.includes(s));
    expect({ aSaysSent: a.includes(SENT), bSaysSent: b.includes(SENT), aSaysNotSent: saysNotSent(a), bSaysNotSent: saysNotSent(b), kept }).toEqual({
      aSaysSent: false,
      bSaysSent: false,
      aSaysNotSent: true,
      bSaysNotSent: true,
      kept: [],
    });
  }, 90_000);
});
