// Found in review, stop 60 (fixed then: the press that steps aside says its own answer was not sent, and shows the other as just stored, never as what the member reads).
/**
 * An answer press that finds another answer stored since it read the record steps aside, and its
 * card said "the answer that stands, which Anna reads: X". But X's own press may still fail to
 * queue its notice and take X back: then the device that stepped aside told Mia something untrue,
 * and no answer of hers reaches Anna. It now says its own answer was not sent (her words kept in
 * the field, one press sends them) and shows X only as just stored.
 *
 * Deterministic: the laptop's answer is stored, its notice's outbox write is held at the proxy;
 * the phone's press runs to the end (yields); then the held write, and its retries, fail.
 */
import type { IncomingMessage } from 'node:http';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { anna, MANAGER_CARD, mia, NOTICE, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

describe('the answer a press stepped aside for is taken back', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:answer-yield@thread.v2'));
  }, 180_000);
  afterAll(() => t?.stop());
  const h = putBeforeHelpers(() => t, () => group);

  it('the phone yields to the laptop answer, whose notice then fails: the phone must not have said Anna reads it', async () => {
    const form = await h.openForm(anna);
    await h.send(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag jouw steun' }, 'anna-send');
    await t.app.outbox.drain(60_000);
    const managerCard = h.cardsTo('aad-mia', MANAGER_CARD)[0];
    const base = buttonData(managerCard, 'review.proposalToManager.answer');
    const gate = cosmosGate(t.proxy!);
    const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
    const isOutboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true';
    const isPersonalReplace = (req: IncomingMessage) => req.method === 'PUT' && /\/colls\/personal\/docs\//.test(urlPath(req));
    // The phone reads the record (no answer yet) and its replace is held; the laptop then stores its answer, its notice's queue write held.
    const phoneWrite = gate.hold(isPersonalReplace);
    const phoneP = h.send(mia, 'review.proposalToManager.answer', { ...base, answer: 'TELEFOON: woensdag.' }, 'mia-phone');
    await phoneWrite.arrived;
    const laptopQueue = gate.hold(isOutboxCreate);
    const laptopP = h.send(mia, 'review.proposalToManager.answer', { ...base, answer: 'LAPTOP: dinsdag.' }, 'mia-laptop');
    await laptopQueue.arrived;
    phoneWrite.release();
    let phone = '';
    try {
      phone = cardText(await phoneP);
    } finally {
      if (!phone) laptopQueue.release();
    }
    // The phone yielded and named the laptop's words as what Anna reads.
    expect(phone).toContain('You also gave another answer');
    const laptop = await t.proxy!.withFaults(h.outboxFails, async () => {
      laptopQueue.release();
      return cardText(await laptopP);
    });
    await t.app.outbox.drain(60_000);
    const [record] = await h.records('aad-anna');
    const notices = h.cardsTo('aad-anna', NOTICE).map(cardText);
    expect({
      laptopRefused: !laptop.includes('Your answer was sent.'),
      stands: record.answer?.text,
      noticesToAnna: notices.length,
      // What the phone told Mia: her answer was not sent; never that the laptop's stands, or that Anna reads it.
      phoneSaysNotSent: phone.includes('This answer was not sent.'),
      phoneClaimsWhatStands: /stands|reads/.test(phone),
    }).toEqual({ laptopRefused: true, stands: undefined, noticesToAnna: 0, phoneSaysNotSent: true, phoneClaimsWhatStands: false });
  }, 120_000);
});
