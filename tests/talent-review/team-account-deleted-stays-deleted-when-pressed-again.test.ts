// Changed in stop 61: the press again after the delete says she deleted it and that it sent nothing now, never that it went
// (the mark cannot tell whether the delivery that kept it finished queueing: team-account-deleted-mid-send-redelivered.test.ts).
/**
 * A manager deletes an account from her list; Teams then delivers her send press again (the same
 * press id, e.g. her old form's button, or a redelivery of a slow answer). The press keeps its record
 * under the same id, so it stored her deleted words anew: back in her list. Left open in stop 59;
 * closed in stop 60.
 * Changed in stop 60 (product decision: "verstuurd" means sent; deleting takes it out of her list
 * and her data, never back from the team): the cards still waiting when she deleted it go, once
 * each, and the press again neither keeps it again nor sends it twice (case 2; until then it
 * promised that nothing she deleted went). A delete from before that change left no mark under the
 * record's id: the press again after its cards went keeps nothing (case 1); while they still wait,
 * it keeps the record again and they go, once each (case 4).
 */
import { TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardsCarrying, keptOfMia, teamAccountPress } from './support/team-account-send';
import { pressIn, startMiasTeamApp } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('an account the manager deleted, its send press delivered again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startMiasTeamApp();
  }, 60_000);
  afterAll(() => t?.stop());


  /** Sent, then deleted from her list (`drainFirst`: once its cards went; `asBefore60`: as a delete from before stop 60 did, leaving nothing under its id). */
  async function sendThenDelete(who: TestUser, words: string, pressId: string, opts: { drainFirst?: boolean; asBefore60?: boolean } = {}): Promise<Record<string, unknown>> {
    const press = await teamAccountPress(t, who, words);
    expect(cardText(await pressIn(t, who, SEND, press, pressId))).toContain('Verantwoording verstuurd');
    if (opts.drainFirst) await t.app.outbox.drain(60_000);
    const kept = (await keptOfMia(t)).find((r) => r.text === words);
    expect(kept).toBeDefined();
    if (opts.asBefore60) await t.store.container('personal').item(kept!.id as string, 'aad-mia').delete();
    else await pressIn(t, who, 'review.teamAccount.delete', { id: kept!.id as string });
    expect((await keptOfMia(t)).filter((r) => r.text === words)).toEqual([]);
    return press;
  }

  it('deleted after its cards went: the press again does not keep it again, nor send it again', async () => {
    const words = 'EERST-VERSTUURD: dit haalde ik uit mijn lijst.';
    const press = await sendThenDelete(mia, words, 'mia-send-1', { drainFirst: true });
    expect(cardsCarrying(t, words)).toBe(2);
    const again = cardText(await pressIn(t, mia, SEND, press, 'mia-send-1-again'));
    await t.app.outbox.drain(60_000);
    expect({ answer: again.includes('uit je lijst verwijderd') && !again.includes('Verantwoording verstuurd'), keptAgain: (await keptOfMia(t)).filter((r) => r.text === words).length, sent: cardsCarrying(t, words) }).toEqual({ answer: true, keptAgain: 0, sent: 2 });
  }, 90_000);

  it('deleted while its cards still wait: they go once each, and the press again keeps nothing and sends nothing twice', async () => {
    const words = 'NOG-IN-DE-WACHTRIJ: dit haalde ik uit mijn lijst.';
    const press = await sendThenDelete(mia, words, 'mia-send-2');
    // Delivered again before any card was tried.
    const again = cardText(await pressIn(t, mia, SEND, press, 'mia-send-2-again'));
    await t.app.outbox.drain(60_000);
    expect({ answer: again.includes('uit je lijst verwijderd') && !again.includes('Verantwoording verstuurd'), keptAgain: (await keptOfMia(t)).filter((r) => r.text === words).length, sent: cardsCarrying(t, words) }).toEqual({ answer: true, keptAgain: 0, sent: 2 });
  }, 90_000);

  it('a send that was not deleted, delivered again, stays kept and goes once to each', async () => {
    const words = 'GEWOON-VERSTUURD: fijn gewerkt dit half jaar.';
    const press = await teamAccountPress(t, mia, words);
    await pressIn(t, mia, SEND, press, 'mia-send-3');
    await pressIn(t, mia, SEND, press, 'mia-send-3-again');
    await t.app.outbox.drain(60_000);
    expect({ kept: (await keptOfMia(t)).filter((r) => r.text === words).length, sent: cardsCarrying(t, words) }).toEqual({ kept: 1, sent: 2 });
  }, 90_000);

  // A card still waiting is not counted as held (it may be another delivery's of this very press,
  // found reviewing stop 60), so a delete from before stop 60 (no mark) whose press comes again while
  // its cards wait keeps the record again, and the cards go, once each: "verstuurd" means sent.
  it('deleted as before stop 60 (no mark left) while its cards wait: the press again sends each card once', async () => {
    const words = 'ZONDER-MERKTEKEN: van voor stop 60.';
    const press = await sendThenDelete(mia, words, 'mia-send-4', { asBefore60: true });
    await pressIn(t, mia, SEND, press, 'mia-send-4-again');
    await t.app.outbox.drain(60_000);
    expect({ keptAgain: (await keptOfMia(t)).filter((r) => r.text === words).length, sent: cardsCarrying(t, words) }).toEqual({ keptAgain: 1, sent: 2 });
  }, 90_000);
});
