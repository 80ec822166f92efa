/**
 * Found in review, stop 61 (fixed then: a press again that finds her delete's mark says she deleted it and that this press sent
 * nothing, quoting no words as sent; not that it went before either: see team-account-deleted-mid-send-redelivered.test.ts).
 *
 * A team account deleted from her list leaves a mark under the record's id without words (her
 * delete takes her words out of her data). A send press of the same form delivered again after the
 * delete (the form's words changed after a try whose answer was lost, as `earlierTry` handles for a
 * kept record) was answered with these new words as sent: the first words went, these did not. The
 * mark cannot tell which words went, so the answer quotes none as sent; this press's words come
 * back only in a field to copy, said not to have gone now.
 */
import { TestUser, user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardsCarrying, keptOfMia, teamAccountPress } from './support/team-account-send';
import { pressIn, startMiasTeamApp } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('a deleted team account, its press again with other words', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startMiasTeamApp();
  }, 60_000);
  afterAll(() => t?.stop());


  async function sendThenDelete(who: TestUser, words: string, pressId: string): Promise<Record<string, unknown>> {
    const press = await teamAccountPress(t, who, words);
    expect(cardText(await pressIn(t, who, SEND, press, pressId))).toContain('Verantwoording verstuurd');
    const kept = (await keptOfMia(t)).find((r) => r.text === words);
    expect(kept).toBeDefined();
    await pressIn(t, who, 'review.teamAccount.delete', { id: kept!.id as string });
    expect((await keptOfMia(t)).filter((r) => r.text === words)).toEqual([]);
    return press;
  }

  it('guard: a kept record, pressed again with changed words, says the earlier words went (earlierTry)', async () => {
    const first = 'EERSTE-WOORDEN-BEWAARD: zo ging het.';
    const second = 'TWEEDE-WOORDEN-BEWAARD: nooit verstuurd.';
    const press = await teamAccountPress(t, mia, first);
    await pressIn(t, mia, SEND, press, 'kept-1');
    const again = cardText(await pressIn(t, mia, SEND, { ...press, text: second }, 'kept-1-again'));
    await t.app.outbox.drain(60_000);
    expect({ earlierTry: again.includes('bij je eerdere poging al verstuurd'), secondSent: cardsCarrying(t, second) }).toEqual({ earlierTry: true, secondSent: 0 });
  }, 90_000);

  it('deleted from her list, then pressed again with changed words: not told those words went', async () => {
    const first = 'EERSTE-WOORDEN-GEWIST: dit ging naar het team.';
    const second = 'TWEEDE-WOORDEN-GEWIST: dit ging nergens heen.';
    const press = await sendThenDelete(mia, first, 'del-1');
    const card = await pressIn(t, mia, SEND, { ...press, text: second }, 'del-1-again');
    await t.app.outbox.drain(60_000);
    const again = cardText(card);
    const told = {
      deletedNothingSent: again.includes('Deze verantwoording heb je uit je lijst verwijderd. Met deze klik is er niets (opnieuw) verstuurd of bewaard.'),
      saidSent: again.includes('Verantwoording verstuurd') || again.includes('al verstuurd'),
      wordsShownAsSent: again.includes('Je woorden:'),
      // The second words only once: in the field to copy them from, labelled not sent now.
      secondShown: again.split(second).length - 1,
      secondToCopy: field(card, 'notSent.text')?.value,
      secondSent: cardsCarrying(t, second),
      firstSent: cardsCarrying(t, first),
      keptAgain: (await keptOfMia(t)).filter((r) => r.text === first || r.text === second).length,
    };
    expect(told).toEqual({ deletedNothingSent: true, saidSent: false, wordsShownAsSent: false, secondShown: 1, secondToCopy: second, secondSent: 0, firstSent: 2, keptAgain: 0 });
  }, 90_000);
});
