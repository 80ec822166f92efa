/**
 * Found in review, stop 56 (fixed then: a redelivery confirms the record before it answers "sent" and
 * a take-back leaves a confirmed one; a manager's answer whose notice cannot be queued is taken back).
 * The cases marked "guard": a guard (held when written, in review of stop 56).
 *
 * A group's proposal put before a manager, and the manager's answer, delivered twice at the same
 * moment and under store faults on the outbox: one record and one card however often a press
 * arrives; an error card only when nothing was stored; pressing again after an error card stores once.
 */
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cosmosGate } from '../support/cosmos-gate';
import type { IncomingMessage } from 'node:http';
import { anna, bram, cem, mia, MANAGER_CARD, NOTICE, ERROR_TITLE, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

describe('put before the manager, pressed twice at once and under outbox faults', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const { send, cardsTo, records, openForm, outboxFails } = putBeforeHelpers(() => t, () => group);

  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:redelivery-ptm@thread.v2'));
  }, 180_000);
  afterAll(() => t?.stop());

  let managerCard: unknown;

  it('guard: the send press delivered twice at the same moment: one record, one card for Mia, both told it was sent', async () => {
    const form = await openForm(anna);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag steun' };
    const replies = await Promise.all([0, 1].map(() => send(anna, 'review.proposalToManager.send', data, 'anna-send-at-once')));
    await t.app.outbox.drain(30_000);
    const cards = cardsTo('aad-mia', MANAGER_CARD);
    managerCard = cards[0];
    expect({ told: replies.map((r) => cardText(r).includes('Je hebt dit voorstel voorgelegd')), records: (await records('aad-anna')).length, cards: cards.length }).toEqual({ told: [true, true], records: 1, cards: 1 });
  }, 60_000);

  it('guard: Mia\'s answer delivered twice at the same moment: stored once, one notice for Anna', async () => {
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Yes, Friday.' };
    await Promise.all([0, 1].map(() => send(mia, 'review.proposalToManager.answer', data, 'mia-answer-at-once')));
    await t.app.outbox.drain(30_000);
    const [record] = await records('aad-anna');
    expect({ answer: record.answer?.text, keys: record.answerKeys?.length, notices: cardsTo('aad-anna', NOTICE).length }).toEqual({ answer: 'Yes, Friday.', keys: 1, notices: 1 });
  }, 60_000);

  it('Mia\'s answer whose notice to Anna cannot be queued: an error card means the answer was not stored', async () => {
    const before = (await records('aad-anna'))[0];
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Changed: Thursday.' };
    const failed = await t.proxy!.withFaults(outboxFails, () => send(mia, 'review.proposalToManager.answer', data));
    const after = (await records('aad-anna'))[0];
    const error = ERROR_TITLE.test(cardText(failed));
    expect({ error, answerStoredAnyway: after.answer?.text !== before.answer?.text }).toEqual({ error: true, answerStoredAnyway: false });
  }, 60_000);

  it('Mia presses again on what the error card offers: one notice for the answer', async () => {
    const noticesBefore = cardsTo('aad-anna', NOTICE).length;
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Again: Wednesday.' };
    const failed = await t.proxy!.withFaults(outboxFails, () => send(mia, 'review.proposalToManager.answer', data));
    let retry: Record<string, unknown>;
    try {
      retry = buttonData(failed, 'review.proposalToManager.answer');
    } catch {
      retry = data;
    }
    await send(mia, 'review.proposalToManager.answer', { ...retry, answer: 'Again: Wednesday.' });
    await t.app.outbox.drain(30_000);
    const notices = cardsTo('aad-anna', NOTICE).slice(noticesBefore);
    expect({ notices: notices.length, answer: (await records('aad-anna'))[0].answer?.text }).toEqual({ notices: 1, answer: 'Again: Wednesday.' });
  }, 60_000);

  it('guard: Bram\'s send whose manager card was queued (answer lost) and then the outbox failed: error card, nothing kept; pressing again sends one card', async () => {
    const form = await openForm(bram);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'Bram zijn woorden' };
    const cardsBefore = cardsTo('aad-mia', MANAGER_CARD).length;
    let creates = 0;
    const failed = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind !== 'metadata' ? (r.kind === 'create' && creates++ === 0 ? { kind: 'dropAfter' } : { kind: 'status', status: 503 }) : undefined),
      () => send(bram, 'review.proposalToManager.send', data),
    );
    const error = ERROR_TITLE.test(cardText(failed));
    const kept = (await records('aad-bram')).length;
    await t.app.outbox.drain(30_000);
    // Either way, what Bram was told matches what happened.
    expect({ error, kept: error ? kept : 1, cardsWhileError: error ? cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore : 0 }).toEqual({ error, kept: error ? 0 : 1, cardsWhileError: 0 });
    await send(bram, 'review.proposalToManager.send', data);
    await t.app.outbox.drain(30_000);
    expect({ records: (await records('aad-bram')).length, cards: cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore }).toEqual({ records: 1, cards: 1 });
  }, 60_000);

  it('Teams delivers Cem\'s send again while the first is slow, and the first then fails: the "sent" Cem sees holds (record kept, card to Mia), and the first says so too', async () => {
    const form = await openForm(cem);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'CEM-WOORDEN' };
    const cardsBefore = cardsTo('aad-mia', MANAGER_CARD).length;
    const outboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test((req.url ?? '').split('?')[0]!) && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() !== 'true';
    const held = cosmosGate(t.proxy!).hold(outboxCreate);
    const first = send(cem, 'review.proposalToManager.send', data, 'cem-send-press');
    await held.arrived;
    // Teams gives up waiting and delivers the press again: this answer is what Cem's card shows.
    const shown = await send(cem, 'review.proposalToManager.send', data, 'cem-send-press');
    t.proxy!.faults = (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
    held.release();
    const firstAnswer = await first;
    t.proxy!.faults = undefined;
    await t.app.outbox.drain(30_000);
    expect({
      shownSent: cardText(shown).includes('Je hebt dit voorstel voorgelegd'),
      firstSent: cardText(firstAnswer).includes('Je hebt dit voorstel voorgelegd'),
      records: (await records('aad-cem')).length,
      cards: cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore,
    }).toEqual({ shownSent: true, firstSent: true, records: 1, cards: 1 });
  }, 60_000);
});
