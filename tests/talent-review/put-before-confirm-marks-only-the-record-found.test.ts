/**
 * Found in review, stop 62 (fixed then: a send's confirm replaces only the record as its delivery
 * found it, under that version, and refuses one taken back and written again since).
 * The case marked "guard": a guard (held when written, in review of stop 62).
 *
 * The confirm of a send (a delivery that found the record another delivery of the press created
 * marks it `confirmed` once its card is queued) against a record taken back and created again.
 * - Bram: delivery A creates the record, its card's queue is held; delivery B (Teams again) finds
 *   the record, queues the card, its confirm is held. A's queue fails: A takes record and card back
 *   (error card). Bram presses again (D): a new record under the same id, D's queue held. B's
 *   confirm lands now, then D's queue fails. Told "sent" means the record is kept and Mia gets the
 *   card; an error card means nothing is kept. (Before the fix B's confirm marked D's record, so
 *   D's take-back left it: B and D said "sent", the record stayed, and Mia got no card.)
 * - Cem: A's create lands with its answer lost, its retry held; B finds the record, queues, its
 *   confirm held. Cem erases (the sweep deletes the record). A's retry re-creates the record after
 *   "gewist", A's take-back held; B's confirm lands then. Neither says "sent", nothing is kept.
 *   Held before the fix too: both deliveries check for her erasure after their confirm and take
 *   the record back unconditionally; now B's confirm refuses the re-created record first.
 */
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cosmosGate, deleteOf, replaceOf } from '../support/cosmos-gate';
import type { IncomingMessage } from 'node:http';
import { proposalToManagerId } from '../../src/domain/talent-review/proposal-to-manager';
import { dropFirstCreateHoldRetry, eraseInChat } from '../verantwoording/support';
import { bram, cem, MANAGER_CARD, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

const SENT = 'Je hebt dit voorstel voorgelegd';
const outboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test((req.url ?? '').split('?')[0]!) && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() !== 'true';

describe('a put-before confirm against a record taken back and created again', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  let gate: ReturnType<typeof cosmosGate>;
  const { send, cardsTo, records, openForm } = putBeforeHelpers(() => t, () => group);
  const outboxCreateFails = (r: { kind: string; container?: string }) => (r.container === 'outbox' && r.kind === 'create' ? ({ kind: 'status', status: 503 } as const) : undefined);

  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:confirm-recreated-ptm@thread.v2'));
    gate = cosmosGate(t.proxy!);
  }, 180_000);
  afterAll(() => t?.stop());

  it('taken back by A, pressed again (D), B\'s confirm lands on D\'s record, D\'s queue fails: "sent" only with a kept record and a card for Mia', async () => {
    const form = await openForm(bram);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'BRAM-WOORDEN' };
    const id = proposalToManagerId('aad-bram', group.proposalId, String((data as Record<string, unknown>).k));
    const cardsBefore = cardsTo('aad-mia', MANAGER_CARD).length;

    const aQueue = gate.hold(outboxCreate);
    const onA = send(bram, 'review.proposalToManager.send', data, 'bram-send-press');
    await aQueue.arrived;
    const bConfirm = gate.hold(replaceOf(id));
    const onB = send(bram, 'review.proposalToManager.send', data, 'bram-send-press');
    await bConfirm.arrived;
    // A's queue fails: A takes record and card back.
    t.proxy!.faults = outboxCreateFails;
    aQueue.release();
    const answeredA = await onA;
    t.proxy!.faults = undefined;
    expect((await records('aad-bram')).length).toBe(0);
    // Bram presses again on the card: D creates the record anew, its queue is held.
    const dQueue = gate.hold(outboxCreate);
    const onD = send(bram, 'review.proposalToManager.send', data, 'bram-send-again');
    await dQueue.arrived;
    bConfirm.release();
    const answeredB = await onB;
    t.proxy!.faults = outboxCreateFails;
    dQueue.release();
    const answeredD = await onD;
    t.proxy!.faults = undefined;
    await t.app.outbox.drain(30_000);

    const told = [answeredA, answeredB, answeredD].map((a) => cardText(a).includes(SENT));
    const kept = (await records('aad-bram')).length;
    const cards = cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore;
    // B found A's record, which is gone: it is not told "sent"; D's take-back then finds nothing confirmed.
    expect({ told, kept, cards }).toEqual({ told: [false, false, false], kept: 0, cards: 0 });
  }, 120_000);

  it('guard: Cem erases meanwhile, A re-creates the record after "gewist", B\'s confirm lands then: neither says "sent", nothing kept', async () => {
    const form = await openForm(cem);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'CEM-WOORDEN' };
    const id = proposalToManagerId('aad-cem', group.proposalId, String((data as Record<string, unknown>).k));
    const cardsBefore = cardsTo('aad-mia', MANAGER_CARD).length;
    const retry = dropFirstCreateHoldRetry();
    const bConfirm = gate.hold(replaceOf(id));
    await t.proxy!.withFaults(retry.rule, async () => {
      const onA = send(cem, 'review.proposalToManager.send', data, 'cem-send-press');
      await retry.held;
      const onB = send(cem, 'review.proposalToManager.send', data, 'cem-send-press');
      await bConfirm.arrived;
      await eraseInChat(t, cem);
      expect((await records('aad-cem')).length).toBe(0);
      // A's retry re-creates the record after "gewist"; its take-back (a delete) is held.
      const aTakeBack = gate.hold(deleteOf(id));
      retry.open();
      await aTakeBack.arrived;
      expect((await records('aad-cem')).length).toBe(1);
      bConfirm.release();
      const answeredB = await onB;
      aTakeBack.release();
      const answeredA = await onA;
      await t.app.outbox.drain(30_000);
      expect({
        told: [answeredA, answeredB].map((a) => cardText(a).includes(SENT)),
        kept: (await records('aad-cem')).length,
        cards: cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore,
      }).toEqual({ told: [false, false], kept: 0, cards: 0 });
    });
  }, 120_000);
});
