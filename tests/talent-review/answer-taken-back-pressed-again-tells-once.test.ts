/**
 * Found in review, stop 56 (fixed then: answerToMember queues a notice skipped under its key anew, as toManager does).
 *
 * A manager's answer taken back after its notice to the member was queued after all: the notice's
 * queue write lands but its answer is lost (the store's retry then fails), so the answer is taken
 * back (error card) while the notice waits in the outbox, which then skips it (its answer is not
 * the stored one). Mia presses again, as the error card asks: "pressing again stores and tells
 * once" -- Anna gets the notice of the answer that stands.
 */
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { anna, mia, MANAGER_CARD, NOTICE, ERROR_TITLE, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

describe('an answer taken back whose notice did land, pressed again', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const { send, cardsTo, records, openForm } = putBeforeHelpers(() => t, () => group);

  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:redelivery-ptm@thread.v2'));
  }, 180_000);
  afterAll(() => t?.stop());

  let managerCard: unknown;

  it('setup: Anna puts the proposal before Mia, Mia answers once', async () => {
    const form = await openForm(anna);
    await send(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag steun' }, 'anna-send');
    await t.app.outbox.drain(30_000);
    managerCard = cardsTo('aad-mia', MANAGER_CARD)[0];
    await send(mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Yes, Friday.' }, 'mia-first');
    await t.app.outbox.drain(30_000);
    expect(cardsTo('aad-anna', NOTICE)).toHaveLength(1);
  }, 120_000);

  it('the notice landed but its answer was lost, the answer taken back; Mia presses again: Anna is told of the answer that stands', async () => {
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Thursday then.' };
    let writes = 0;
    const landedThenDown = (r: { kind: string; container?: string }) => {
      if (r.container !== 'outbox' || !['create', 'upsert', 'replace'].includes(r.kind)) return undefined;
      writes++;
      return writes === 1 ? ({ kind: 'dropAfter' } as const) : ({ kind: 'status', status: 503 } as const);
    };
    const failed = await t.proxy!.withFaults(landedThenDown, () => send(mia, 'review.proposalToManager.answer', data, 'mia-second'));
    const firstTry = { error: ERROR_TITLE.test(cardText(failed)), stored: (await records('aad-anna'))[0].answer?.text };
    // The outbox runs before Mia presses again (it sends right after a queue, or on its next round).
    await t.app.outbox.drain(30_000);
    // Mia presses again, as the error card asks (the same card, the same words).
    const retry = cardText(await send(mia, 'review.proposalToManager.answer', data, 'mia-second-again'));
    await t.app.outbox.drain(30_000);
    const told = cardsTo('aad-anna', NOTICE).filter((c) => cardText(c).includes('Thursday then.')).length;
    expect({ firstTry, retryError: ERROR_TITLE.test(retry), stored: (await records('aad-anna'))[0].answer?.text, told }).toEqual({
      firstTry: { error: true, stored: 'Yes, Friday.' },
      retryError: false,
      stored: 'Thursday then.',
      told: 1,
    });
  }, 120_000);
});
