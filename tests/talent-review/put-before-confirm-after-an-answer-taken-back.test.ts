/**
 * Found in review, stop 62 (fixed then: the store counts every change of a record put before a
 * manager, so a send's confirm tells a record taken back and created again from one changed back
 * to as it was, and confirms the latter).
 * The case marked "guard": a guard (held when written, in review of stop 62).
 *
 * A send's confirm replaces only the record as its delivery found it, or one changed since by what
 * happens to a send. An ordinary step between the find and the confirm must not turn a send whose
 * card went into an error card.
 * - Guard: the manager answers between a redelivered send's find and its confirm: "sent".
 * - The record already carries the manager's answer; the send press is delivered again (D2); the
 *   manager answers anew between D2's find and its confirm, and that answer's notice cannot be
 *   queued, so it is taken back: the record is exactly as D2 found it, under another version.
 *   Before the fix the confirm read that as "taken back and written again" and D2 showed the error
 *   card, though the record was kept and the manager had the card (and answered it).
 */
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { TestUser } from '../support/activities';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { proposalToManagerId } from '../../src/domain/talent-review/proposal-to-manager';
import { anna, bram, ERROR_TITLE, MANAGER_CARD, mia, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

const SENT = 'Je hebt dit voorstel voorgelegd';
const SEND = 'review.proposalToManager.send';
const ANSWER = 'review.proposalToManager.answer';

describe('a put-before confirm after an ordinary change of the record', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  let gate: ReturnType<typeof cosmosGate>;
  const { send, cardsTo, records, openForm } = putBeforeHelpers(() => t, () => group);
  const noticeQueueFails = (r: { kind: string; container?: string }) => (r.container === 'outbox' && r.kind === 'create' ? ({ kind: 'status', status: 503 } as const) : undefined);

  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:confirm-ordinary-change-ptm@thread.v2'));
    gate = cosmosGate(t.proxy!);
  }, 180_000);
  afterAll(() => t?.stop());

  /** The member sends (D1, answered "sent"); the manager's card goes. */
  const sentOnce = async (who: TestUser, words: string, activityId: string) => {
    const form = await openForm(who);
    const data = { ...buttonData(form, SEND), words };
    const id = proposalToManagerId(who.aadObjectId, group.proposalId, String((data as Record<string, unknown>).k));
    const first = cardText(await send(who, SEND, data, activityId));
    expect(first).toContain(SENT);
    await t.app.outbox.drain(30_000);
    const card = cardsTo('aad-mia', MANAGER_CARD).filter((c) => cardText(c).includes(words)).at(-1);
    expect(card).toBeDefined();
    return { data, id, card };
  };
  const answerOn = async (card: unknown, answer: string, activityId: string) => cardText(await send(mia, ANSWER, { ...buttonData(card as never, ANSWER), answer }, activityId));

  it('guard: the manager answers between a redelivered send\'s find and its confirm: that delivery says "sent"', async () => {
    const { data, id, card } = await sentOnce(bram, 'BRAM-WOORDEN', 'ordinary-bram-send');
    const confirm = gate.hold(replaceOf(id));
    const d2 = send(bram, SEND, data, 'ordinary-bram-send');
    try {
      await confirm.arrived;
      await answerOn(card, 'Prima, doen we.', 'ordinary-mia-answer-1');
    } finally {
      confirm.release();
    }
    const again = cardText(await d2);
    await t.app.outbox.drain(30_000);
    const kept = (await records('aad-bram')).filter((r) => r.id === id);
    expect({ says: again.includes(SENT), kept: kept.length, cards: cardsTo('aad-mia', MANAGER_CARD).filter((c) => cardText(c).includes('BRAM-WOORDEN')).length }).toEqual({ says: true, kept: 1, cards: 1 });
  }, 120_000);

  it('an answer taken back (its notice not queued) between a redelivered send\'s find and its confirm: that delivery still says "sent"', async () => {
    const { data, id, card } = await sentOnce(anna, 'ANNA-WOORDEN', 'ordinary-anna-send');
    // Mia answered already; the record carries it.
    await answerOn(card, 'Eerste antwoord.', 'ordinary-mia-answer-a1');
    await t.app.outbox.drain(30_000);
    const before = (await records('aad-anna')).find((r) => r.id === id);
    expect(before?.answer?.text).toBe('Eerste antwoord.');
    // The send press delivered again (D2): its confirm is held.
    const confirm = gate.hold(replaceOf(id));
    const d2 = send(anna, SEND, data, 'ordinary-anna-send');
    try {
      await confirm.arrived;
      // Mia answers anew; its notice cannot be queued, so that answer is taken back (her error card, her words kept).
      t.proxy!.faults = noticeQueueFails;
      const second = await answerOn(card, 'Tweede antwoord.', 'ordinary-mia-answer-a2');
      t.proxy!.faults = undefined;
      expect(second).toMatch(ERROR_TITLE);
      const after = (await records('aad-anna')).find((r) => r.id === id);
      expect(after?.answer?.text).toBe('Eerste antwoord.');
    } finally {
      t.proxy!.faults = undefined;
      confirm.release();
    }
    const again = cardText(await d2);
    await t.app.outbox.drain(30_000);
    const kept = (await records('aad-anna')).filter((r) => r.id === id);
    const cards = cardsTo('aad-mia', MANAGER_CARD).filter((c) => cardText(c).includes('ANNA-WOORDEN')).length;
    // The record is kept and Mia has the card (she answered it): an error card here says "not sent" of a send that went.
    expect({ kept: kept.length, cards, says: again.includes(SENT), errorCard: ERROR_TITLE.test(again) }).toEqual({ kept: 1, cards: 1, says: true, errorCard: false });
  }, 120_000);
});
