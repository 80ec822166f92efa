/**
 * Found in review, stop 60 (fixed then: a delivery that finds the request's record marks it `confirmed` before it answers "sent"; a late take-back leaves a confirmed record, and that delivery answers "sent" too).
 *
 * Two instances, one request press on two devices. A's record create lands but its answer is lost;
 * A's retry of it is answered after A's save window. Meanwhile B's press (the same press key) finds
 * the card queued and A's record there, and answers "Verzoek verstuurd" on it. Before the fix, A's
 * retry found its own record as written, took it back (late save) and said "Versturen lukte nu
 * niet"; the card's send-time check found no record and dropped it: Bo was told on her phone that
 * her request went, the manager got nothing, and nothing was kept. With the same words on both
 * devices B's record read as A's own (sameAsWritten): the same. A take-back must never undo what
 * another delivery of the same press said was sent.
 */
import { TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { cosmosGate } from '../support/cosmos-gate';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../support/test-app';
import { isPersonalCreate } from '../verantwoording/support';
import { keptRecords, requestCardsTo, send, SEND, startTwoInstances } from './support/two-instance-requests';
import { testWindowClock } from '../support/test-window-clock';

const [bo, cas] = ['Bo', 'Cas'].map(user) as [TestUser, TestUser];
const WINDOW = 1_000;

describe('a request press on two instances, one of them answered late', () => {
  let a: TestApp;
  let b: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  // A request's record, and a withdrawn one (reviewRequestWithdrawn) too.
  const keptOf = (userId: string) => keptRecords(a, userId, "STARTSWITH(c.type, 'reviewRequest')");
  const requestsTo = (aadId: string, who: string) => requestCardsTo([a, b], aadId, who);
  beforeAll(async () => {
    [a, b] = await startTwoInstances([bo, cas], { saveWindowMs: WINDOW, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    gate = cosmosGate(a.proxy!);
  }, 120_000);
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  /**
   * One press of `who`'s form on A (`wordsA`) and on B (`wordsB`): A's record create lands with its
   * answer lost, A's retry of it is held until A's save window closed, B's press runs meanwhile.
   */
  const pressedOnBoth = async (who: TestUser, wordsA: string, wordsB: string) => {
    const form = (await send(a, who, 'review.request.open', {})).body.value;
    const base = buttonData(form, SEND);
    let creates = 0;
    const held = gate.hold((req) => isPersonalCreate(req) && ++creates === 2);
    let dropped = false;
    const replies = await a.proxy!.withFaults((req) => (req.kind === 'create' && req.container === 'personal' && !dropped ? ((dropped = true), { kind: 'dropAfter' }) : undefined), async () => {
      const first = send(a, who, SEND, { ...base, text: wordsA }, `${who.name}-laptop`);
      await held.arrived;
      const second = await send(b, who, SEND, { ...base, text: wordsB }, `${who.name}-phone`);
      testWindowClock.advance(WINDOW + 20);
      held.release();
      return [await first, second];
    });
    await Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]);
    const kept = await keptOf(`aad-${who.name.toLowerCase()}`);
    return {
      saidSent: replies.map((r) => cardText(r.body?.value).includes('Verzoek verstuurd')),
      managerCards: requestsTo('aad-mia', who.name).map((text) => text.includes(wordsA)),
      records: kept.map((r) => ({ type: r.type, message: r.message, confirmed: r.confirmed })),
    };
  };

  it('other words on each device: the late delivery leaves the record the other said "sent" on, the manager gets the card, and both say it went', async () => {
    expect(await pressedOnBoth(bo, 'Bo op de laptop', 'Bo op de telefoon')).toEqual({
      saidSent: [true, true],
      managerCards: [true],
      records: [{ type: 'reviewRequest', message: 'Bo op de laptop', confirmed: true }],
    });
  }, 60_000);

  it('the same words on both devices (the record reads as the late delivery\'s own): the same', async () => {
    expect(await pressedOnBoth(cas, 'Cas, twee keer', 'Cas, twee keer')).toEqual({
      saidSent: [true, true],
      managerCards: [true],
      records: [{ type: 'reviewRequest', message: 'Cas, twee keer', confirmed: true }],
    });
  }, 60_000);
});
