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
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { cosmosGate } from '../support/cosmos-gate';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { isPersonalCreate } from '../verantwoording/support';
import { waitUntil } from '../outbox/wait-until';
import { directoryFile } from './support/proposal-put-before';

const [bo, cas, mia] = ['Bo', 'Cas', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.request.send';
const WINDOW = 1_000;

describe('a request press on two instances, one of them answered late', () => {
  let a: TestApp;
  let b: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  const chat = (t: TestApp, who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const send = (t: TestApp, who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => t.send(execute(chat(t, who), who, verb, data, 'card-1', activityId));
  const keptOf = async (userId: string) =>
    (await a.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND STARTSWITH(c.type, 'reviewRequest')", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as Record<string, unknown>[];
  // The manager's 1:1 chat, whichever instance opened it: the other sends to it too (remembered in the store).
  const requestsTo = (aadId: string, who: string) => {
    const managerChat = a.connector.personalChats.get(aadId) ?? b.connector.personalChats.get(aadId);
    return [a, b].flatMap((t) => t.connector.cards((c) => c.conversationId === managerChat).map((c) => cardText(c.card))).filter((text) => text.includes(`${who} vraagt`));
  };
  beforeAll(async () => {
    const env = {
      DIRECTORY_FILE: directoryFile([
        { id: 'aad-bo', name: 'Bo', managerId: 'aad-mia' },
        { id: 'aad-cas', name: 'Cas', managerId: 'aad-mia' },
        { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
        { id: 'aad-olga', name: 'Olga' },
      ]),
    };
    a = await startTestApp(env, '2026-11-23T08:00:00Z', { proxy: true, saveWindowMs: WINDOW, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    b = await startTestApp(env, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, saveWindowMs: WINDOW, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    gate = cosmosGate(a.proxy!);
    await a.send(message(chat(a, mia), mia, 'taal nl'));
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
      const since = performance.now();
      const second = await send(b, who, SEND, { ...base, text: wordsB }, `${who.name}-phone`);
      await waitUntil("A's save window closed", () => performance.now() > since + WINDOW + 20);
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
