/**
 * Found in review, stop 62 (fixed then: before "sent", a send whose cards were queued late reads
 * the outbox's own check, her ticket then the record or her delete's mark, and an erasure begun or
 * ended is the refusal "being erased", never "Verantwoording verstuurd").
 *
 * "Verstuurd" means sent. Mia's erasure, run while her send was still queueing its cards, takes
 * them: its outbox purge, or (a queue write landing after the purge) their send-time check. The
 * send then answered "Verantwoording verstuurd" after all, below her chat's "Je gegevens zijn
 * gewist", and nothing went.
 * - Deleted from her list mid-send: her send (D1) is held on its first card's create; she deletes
 *   it from her list on her phone; D1's creates fail until its take-back finds her delete's mark,
 *   and D1 queues the cards once more. Meanwhile she erases her data (the mark goes with her
 *   partition, the outbox is purged); D1's queue writes land after that.
 * - The ordinary send: its first card's create is held; she erases her data; the create lands.
 * Each: nothing goes, no job keeps her words, her partition keeps no account, and the answer is not
 * "verstuurd" but that her data is being erased, with her words kept on the form.
 */
import type { IncomingMessage } from 'node:http';
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { teamAccountKey } from '../../src/domain/talent-review/team-account';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';
/** The refusal a send made during her erasure gets (nl): nothing sent, nothing kept. */
const ERASING = 'Niet verstuurd en niet bewaard: je gegevens worden op dit moment gewist';

describe('her erasure while her team account is being queued: the send does not say "verstuurd"', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
    gate = cosmosGate(t.proxy!);
  }, 60_000);
  afterAll(() => t?.stop());

  const cardsCarrying = (words: string) => t.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity ?? '').includes(words)).length;
  const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as { id: string; text: string }[];
  const openForm = async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    return t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
  };
  /** What became of her words once the outbox is done: cards that went, jobs that keep them, accounts her partition keeps. */
  const aftermath = async (words: string) => {
    await t.app.outbox.drain(60_000);
    const jobsAboutMia = (await t.store.container('outbox').items.query("SELECT c.id, c.status FROM c WHERE ARRAY_CONTAINS(c.about, 'aad-mia')").fetchAll()).resources;
    const left = (await t.store.container('personal').items.query({ query: "SELECT c.type FROM c WHERE c.userId = 'aad-mia'" }).fetchAll()).resources;
    return { went: cardsCarrying(words), jobsNamingHer: jobsAboutMia.filter((j) => JSON.stringify(j).includes(words)).length, leftInHerPartition: left.filter((d) => /teamAccount/.test(String(d.type))).length };
  };

  it('deleted from her list mid-send, then erased while the cards are queued once more', async () => {
    const words = 'GEWIST-TIJDENS-AFMAKEN: dit mag niemand meer krijgen.';
    const press = { ...buttonData(await openForm(), SEND), text: words };
    let seen = 0;
    const d1FirstCard = gate.hold((req) => /\/colls\/outbox\/docs/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true' && ++seen === 2);
    const d1 = pressIn(t, mia, SEND, press, 'own61a-e-d1');
    await d1FirstCard.arrived;
    const id = (await keptOfMia()).find((r) => r.text === words)!.id;
    await pressIn(t, mia, 'review.teamAccount.delete', { id }, 'own61a-e-phone-delete');

    // D1's creates fail until its take-back reads the mark; its next create (finishing) waits for the erasure.
    let tookBack = false;
    let heldOne = false;
    let arrivedFinish!: () => void;
    const finishArrived = new Promise<void>((r) => (arrivedFinish = r));
    let letFinish!: () => void;
    const finishMayGo = new Promise<void>((r) => (letFinish = r));
    t.proxy!.faults = (r) => {
      if (r.container === 'personal' && r.kind === 'pointRead' && r.path.endsWith(`/docs/${id}`)) tookBack = true;
      if (r.container !== 'outbox' || r.kind !== 'create') return undefined;
      if (!tookBack) return { kind: 'status', status: 503 };
      if (heldOne) return undefined;
      heldOne = true;
      arrivedFinish();
      return { kind: 'hold', until: finishMayGo };
    };
    d1FirstCard.release();
    await finishArrived;
    await eraseInChat(t, mia);
    letFinish();
    const d1Answer = cardText(await d1);
    t.proxy!.faults = undefined;
    expect(await aftermath(words)).toEqual({ went: 0, jobsNamingHer: 0, leftInHerPartition: 0 });
    expect(d1Answer).not.toContain('Verantwoording verstuurd');
    expect(d1Answer).toContain(ERASING);
    expect(d1Answer).toContain(words);
  }, 120_000);

  it('the ordinary send, erased while its first card\'s queue write is held up', async () => {
    const words = 'GEWIST-TIJDENS-VERSTUREN: dit mag niemand meer krijgen.';
    const data = buttonData(await openForm(), SEND);
    const jobId = jobIdFor(teamAccountKey(mia.aadObjectId, String(data.k), user('Anna').aadObjectId));
    const held = gate.hold(
      (req) =>
        req.method === 'POST' &&
        /\/colls\/outbox\/docs\/?$/.test(urlPath(req)) &&
        String(req.headers['x-ms-documentdb-partitionkey'] ?? '').includes(jobId) &&
        String(req.headers['x-ms-documentdb-is-upsert'] ?? '').toLowerCase() !== 'true',
    );
    const send = pressIn(t, mia, SEND, { ...data, text: words }, 'own61a-ordinary');
    await held.arrived;
    await eraseInChat(t, mia);
    held.release();
    const answer = cardText(await send);
    expect(await aftermath(words)).toEqual({ went: 0, jobsNamingHer: 0, leftInHerPartition: 0 });
    expect(answer).not.toContain('Verantwoording verstuurd');
    expect(answer).toContain(ERASING);
    expect(answer).toContain(words);
  }, 120_000);
});
