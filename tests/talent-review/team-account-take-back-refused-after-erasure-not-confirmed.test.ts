// Found reviewing stop 62's fixes (README "Not done yet", medium-high).
/**
 * Mia sends her team an account, it goes, and she erases her data ("gewist"). Her old send press is
 * delivered again: it stores her words anew (the record is gone), meets every card's key held, and
 * takes the record back; the store refuses that delete (a fault), so the press answers with the
 * error card and her words stay. She presses again, as the error card asks: that press finds the
 * record, meets every key held, confirms it and answers "verstuurd". Must hold: never "verstuurd"
 * for a record her erasure meant to remove, and her words do not stay once a press gets through.
 */
import { user } from '../support/activities';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { pressIn } from './support/proposal-put-before';
import { keptOfMia, sentThenErased, startTwoDeliveriesApp } from './support/team-account-send';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const WORDS = 'WISSEN-GEWEIGERD: deze woorden horen weg te blijven.';
const SENT = 'Verantwoording verstuurd';

describe('after her erasure, an old press whose take-back the store refused', () => {
  let t: TestApp;
  let press: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
    press = await sentThenErased(t, mia, WORDS);
  }, 120_000);
  afterAll(() => t?.stop());

  it('is not confirmed by a press again: never "verstuurd", and her words go', async () => {
    // Every delete in her partition refused while the old press is delivered again.
    const deletesRefused: CosmosFaultRule = (r) => (r.container === 'personal' && r.kind === 'delete' ? { kind: 'status', status: 503 } : undefined);
    const refused = cardText(await t.proxy!.withFaults(deletesRefused, () => pressIn(t, mia, SEND, press, 'again-refused')));
    const again = cardText(await pressIn(t, mia, SEND, press, 'again'));
    const kept = (await keptOfMia(t)).map((r) => r.text);
    expect({ refusedSaysSent: refused.includes(SENT), againSaysSent: again.includes(SENT), againSentNothing: again.includes('Met deze klik is er niets'), kept }).toEqual({
      refusedSaysSent: false,
      againSaysSent: false,
      againSentNothing: true,
      kept: [],
    });
  }, 90_000);
});
