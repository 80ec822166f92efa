/**
 * Stop 49 (the reviewer's data-rights probe): a send press Teams delivers again after the person
 * who made it erased their data. The erasure said their words were gone; before, the press stored
 * them again (and a request went to the manager a second time).
 *
 * 1. Anna asks her manager Mia for a talentontwikkelgesprek (press `req-press`); Mia gets the card.
 *    Anna erases her data. Teams then delivers `req-press` again (same activity id and timestamp).
 *    Her erasure left the card's outbox key behind, blank (`keyOutlivesErasure`): the press finds
 *    it (`erasedKey`), sends nothing and keeps no record (neither her words nor Mia's id), and
 *    answers that nothing new went.
 * 2. Mia sends her team an account (press `acc-press`), then erases her data; Teams delivers
 *    `acc-press` again. Her erasure left every card's key behind: the press stores her record anew
 *    (her partition is empty), finds every card's key erased, and takes the record back at once.
 *
 * Not covered here (README "Not done yet", from stop 49): a note command, and a plan, delivered
 * again after the person's erasure.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiaManagingApp } from '../talent-review/support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON and card JSON under test */

const [anna, bram, mia] = ['Anna', 'Bram', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const REQUEST = /Anna vraagt|Anna requests/;

describe('a send press delivered again after its sender erased their data', () => {
  let t: TestApp;
  const personalDocsOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as any[];
  const cardsIn = (aadId: string, re: RegExp) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).filter((c) => re.test(cardText(c.card)));
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  const erase = async (who: TestUser) => {
    await t.send(message(personalChat(t, who), who, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, who, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    await t.app.outbox.drain(60_000);
  };

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram']);
  }, 120_000);
  afterAll(() => t?.stop());

  it('a review request: nothing of Anna kept again, no second card to Mia, and the answer says nothing new went', async () => {
    const form = await pressIn(t, anna, 'review.request.open', {});
    const press = execute(personalChat(t, anna), anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'ANNA-VERZOEK: graag over mentorschap' }, 'card-1', 'req-press');
    const stamp = t.clock.now().toISOString();
    expect(cardText((await t.send({ ...press, timestamp: stamp })).body.value)).toContain('ANNA-VERZOEK');
    await t.app.outbox.drain(60_000);
    expect(cardsIn('aad-mia', REQUEST)).toHaveLength(1);
    expect((await personalDocsOf('aad-anna')).map((d) => d.type)).toContain('reviewRequest');

    await erase(anna);
    expect(await personalDocsOf('aad-anna')).toEqual([]);
    const jobs = await outboxJobs();

    t.clock.advanceMinutes(2);
    const answer = cardText((await t.send({ ...press, timestamp: stamp })).body.value);
    await t.app.outbox.drain(60_000);
    const stored = (await personalDocsOf('aad-anna')).map((d) => `${d.type}:${d.message ?? ''}`);
    expect({ stored, cardsToMia: cardsIn('aad-mia', REQUEST).length, newJobs: (await outboxJobs()) - jobs, wordsAsSent: answer.includes('ANNA-VERZOEK'), earlierTry: answer.includes('eerdere poging') }).toEqual({
      stored: [],
      cardsToMia: 1,
      newJobs: 0,
      wordsAsSent: false,
      earlierTry: true,
    });
  });

  it('a team account after the manager\'s own erasure: her record is not kept again, and nobody gets a second card', async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)!.card;
    const press = execute(personalChat(t, mia), mia, 'review.teamAccount.send', { ...buttonData(form, 'review.teamAccount.send'), text: 'MIA-WOORDEN: elke week een uur vrij' }, 'card-1', 'acc-press');
    const stamp = t.clock.now().toISOString();
    expect(cardText((await t.send({ ...press, timestamp: stamp })).body.value)).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    expect((await personalDocsOf('aad-mia')).map((d) => d.type)).toContain('teamAccount');
    expect(cardsIn('aad-bram', /MIA-WOORDEN/)).toHaveLength(1);

    await erase(mia);
    expect(await personalDocsOf('aad-mia')).toEqual([]);
    const jobs = await outboxJobs();

    t.clock.advanceMinutes(2);
    await t.send({ ...press, timestamp: stamp });
    await t.app.outbox.drain(60_000);
    const stored = (await personalDocsOf('aad-mia')).map((d) => `${d.type}:${d.text ?? ''}`);
    expect({ stored, cardsToBram: cardsIn('aad-bram', /MIA-WOORDEN/).length, newJobs: (await outboxJobs()) - jobs }).toEqual({ stored: [], cardsToBram: 1, newJobs: 0 });
  });
});
