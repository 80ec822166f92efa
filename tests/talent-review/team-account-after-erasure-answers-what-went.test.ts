/**
 * Found in review, stop 62 (fixed then: a send her erasure overtook after a card went answers
 * `erasedMidSend`, "some may have it, the rest not sent", and a press delivered again that finds its
 * record gone and every key held answers `goneSince`, never "verstuurd").
 * What a team account send answers once her erasure overtakes it: "Verstuurd" means sent, and the
 * refusal "Niet verstuurd en niet bewaard" means nothing went.
 * - A card already went (Anna's) while the next card's queue write (Bram's) is held; Mia erases;
 *   the held write lands: the answer must not say "Niet verstuurd" (Anna has the account).
 * - The send refused by her erasure (nothing went), then Teams delivers the same press again (the
 *   first turn was slow) once her erasure is done: never "verstuurd".
 * - A guard (held when written, in review of stop 62): a send whose queueing outlives its save
 *   window with no erasure at all still says "verstuurd" (no false "being erased").
 */
import type { IncomingMessage } from 'node:http';
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, TEST_SAVE_WINDOW_MS, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { eraseInChat } from '../verantwoording/support';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { teamAccountKey } from '../../src/domain/talent-review/team-account';
import { testWindowClock } from '../support/test-window-clock';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
const SENT = 'Verantwoording verstuurd';
const NOT_SENT = 'Niet verstuurd';

describe('a team account send her erasure overtakes: what it answers', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
    gate = cosmosGate(t.proxy!);
  }, 60_000);
  afterAll(() => t?.stop());

  const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
  const cardsTo = (who: string, words: string) =>
    t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(`aad-${who}`) && JSON.stringify(c.activity ?? '').includes(words)).length;
  const openForm = async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    return t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
  };
  /** The queue write (a create) of the card under this job id. */
  const cardCreate = (jobId: string) => (req: IncomingMessage) =>
    req.method === 'POST' &&
    /\/colls\/outbox\/docs\/?$/.test(urlPath(req)) &&
    String(req.headers['x-ms-documentdb-partitionkey'] ?? '').includes(jobId) &&
    String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() !== 'true' &&
    String(req.headers['x-ms-documentdb-is-upsert'] ?? '').toLowerCase() !== 'true';

  it('guard: queueing outlives the save window, no erasure: "verstuurd", both cards go', async () => {
    const words = 'TRAAG-GEEN-WISSING: gewoon traag.';
    const data = buttonData(await openForm(), SEND);
    const bramJob = jobIdFor(teamAccountKey(mia.aadObjectId, String(data.k), user('Bram').aadObjectId));
    const held = gate.hold(cardCreate(bramJob));
    const send = pressIn(t, mia, SEND, { ...data, text: words }, 'slow-no-erasure');
    await held.arrived;
    // The window (opened just before the record) has surely closed once this much has passed since the press.
    testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1_000);
    held.release();
    const answer = cardText(await send);
    await t.app.outbox.drain(30_000);
    expect({ sent: answer.includes(SENT), anna: cardsTo('anna', words), bram: cardsTo('bram', words) }).toEqual({ sent: true, anna: 1, bram: 1 });
  }, 60_000);

  it('Anna\'s card went, Bram\'s queue write held, Mia erases: the answer does not say "Niet verstuurd"', async () => {
    const words = 'AL-BIJ-ANNA: deze kwam wel aan.';
    const data = buttonData(await openForm(), SEND);
    const bramJob = jobIdFor(teamAccountKey(mia.aadObjectId, String(data.k), user('Bram').aadObjectId));
    const held = gate.hold(cardCreate(bramJob));
    const send = pressIn(t, mia, SEND, { ...data, text: words }, 'anna-got-it');
    await held.arrived;
    // In production the running sender sends Anna's card as soon as it is queued; here the drain does.
    try {
      await t.app.outbox.drain(30_000);
      await waitUntil('Anna got the account', () => cardsTo('anna', words) === 1, { timeoutMs: 20_000 });
      await eraseInChat(t, mia);
    } finally {
      held.release();
    }
    const answer = cardText(await send);
    await t.app.outbox.drain(30_000);
    const went = cardsTo('anna', words) + cardsTo('bram', words);
    expect(went).toBe(1);
    // A card went: telling her it was not sent is not true (she would believe her team never saw it).
    // Nor "sent": Bram's card never goes. She hears that some may have it, and that her data is being erased.
    expect({ went, saysNotSent: answer.includes(NOT_SENT), saysSent: answer.includes(SENT), saysSome: answer.includes('misschien kreeg een deel van je team'), erasing: answer.includes('worden op dit moment gewist') }).toEqual({
      went: 1,
      saysNotSent: false,
      saysSent: false,
      saysSome: true,
      erasing: true,
    });
  }, 120_000);

  it('refused by her erasure (nothing went), the same press delivered again afterwards: never "verstuurd"', async () => {
    // Mia is back after her erasure (a fresh form; the directory still names her team).
    const words = 'OPNIEUW-NA-WISSING: dit ging nooit.';
    const data = buttonData(await openForm(), SEND);
    const annaJob = jobIdFor(teamAccountKey(mia.aadObjectId, String(data.k), user('Anna').aadObjectId));
    const held = gate.hold(cardCreate(annaJob));
    const press = { ...data, text: words };
    const first = pressIn(t, mia, SEND, press, 'refused-then-again');
    await held.arrived;
    await eraseInChat(t, mia);
    held.release();
    const firstAnswer = cardText(await first);
    await t.app.outbox.drain(30_000);
    // Teams delivers the slow press again, once her erasure is done.
    const again = cardText(await pressIn(t, mia, SEND, press, 'refused-then-again'));
    await t.app.outbox.drain(30_000);
    const went = cardsTo('anna', words) + cardsTo('bram', words);
    // The first refused as made during her erasure; the press again says this click sent and kept nothing.
    expect({ went, firstSaysSent: firstAnswer.includes(SENT), firstRefused: firstAnswer.includes(NOT_SENT), againSaysSent: again.includes(SENT), againSentNothing: again.includes('Met deze klik is er niets') }).toEqual({
      went: 0,
      firstSaysSent: false,
      firstRefused: true,
      againSaysSent: false,
      againSentNothing: true,
    });
  }, 120_000);
});
