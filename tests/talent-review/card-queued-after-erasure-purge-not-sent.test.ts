/**
 * Found in review, stop 55 (fixed then: the request's and the team account's cards carry a send-time
 * check, as the proposal's card: the author's erasure ticket, then their record, read by the outbox).
 *
 * A request for a talentontwikkelgesprek queues its card to the manager before its record; a team
 * account queues its cards to the team after its record. Either card's queue write, held up on its
 * way (a slow or throttled store), could land after the author's erasure had purged the outbox, and
 * then still went out after the chat said "Je gegevens zijn gewist", with their name and words.
 * Each case: the card's create is held at the Cosmos proxy (cosmos-gate.ts), the author erases their
 * data in their chat and it runs to its end, then the held create lands. The promise: no card with
 * their words goes out, and the job that held it keeps none of them.
 */
import type { IncomingMessage } from 'node:http';
import { message } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { eraseInChat } from '../verantwoording/support';
import { personalChat, pressIn } from './support/proposal-put-before';
import { anna, bram, jobsNaming as jobsOf, mia, startErasureRaceApp } from './support/erasure-race';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { requestKey } from '../../src/domain/talent-review/review-request';
import { teamAccountKey } from '../../src/domain/talent-review/team-account';

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '');
/** The plain create of the outbox job with this id (its partition key is its id). */
const jobCreate = (jobId: string) => (req: IncomingMessage) =>
  req.method === 'POST' &&
  /\/colls\/outbox\/docs\/?$/.test((req.url ?? '').split('?')[0]!) &&
  header(req, 'x-ms-documentdb-partitionkey').includes(jobId) &&
  header(req, 'x-ms-documentdb-is-upsert').toLowerCase() !== 'true';

describe('a card queued after the erasure\'s outbox purge', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  const job = async (id: string) => (await t.store.container('outbox').item(id, id).read()).resource as { status: string; payload: unknown } | undefined;
  const jobsNaming = (words: string) => jobsOf(t, words);
  const everyCard = () => JSON.stringify(t.connector.cards(() => true));

  beforeAll(async () => {
    ({ t, gate } = await startErasureRaceApp());
  }, 120_000);
  afterAll(() => t?.stop());

  it('a request\'s card to the manager, landed after her erasure said "gewist", does not go', async () => {
    const words = 'NA-DE-WIS: graag een gesprek over mijn ontwikkeling';
    await t.send(message(personalChat(t, anna), anna, 'gesprek aanvragen'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)?.card;
    const data = buttonData(form, 'review.request.send');
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));
    const held = gate.hold(jobCreate(jobId));
    const send = pressIn(t, anna, 'review.request.send', { ...data, text: words });
    await held.arrived;
    await eraseInChat(t, anna);
    held.release();
    await send;
    // The job landed after the purge: it is there now, and the outbox decides what becomes of it.
    await waitUntil('the held card landed', async () => (await job(jobId)) !== undefined, { timeoutMs: 30_000 });
    await t.app.outbox.drain(60_000);
    // Dropped unsent by its check (skipped): kept as it ended, its key holding (it surely never went).
    expect({ sent: everyCard().includes(words), status: (await job(jobId))?.status, naming: await jobsNaming(words) }).toEqual({ sent: false, status: 'skipped', naming: [] });
  }, 120_000);

  it('a team account\'s card to a member, landed after the manager\'s erasure said "gewist", does not go', async () => {
    const words = 'NA-DE-WIS: een uur per week vrijgemaakt voor leren';
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const data = buttonData(form, 'review.teamAccount.send');
    const jobId = jobIdFor(teamAccountKey(mia.aadObjectId, String(data.k), anna.aadObjectId));
    const held = gate.hold(jobCreate(jobId));
    const send = pressIn(t, mia, 'review.teamAccount.send', { ...data, text: words });
    await held.arrived;
    await eraseInChat(t, mia);
    held.release();
    await send;
    await waitUntil('the held card landed', async () => (await job(jobId)) !== undefined, { timeoutMs: 30_000 });
    await t.app.outbox.drain(60_000);
    // Dropped unsent by its check (skipped): kept as it ended, its key holding (it surely never went).
    expect({ sent: everyCard().includes(words), status: (await job(jobId))?.status, naming: await jobsNaming(words) }).toEqual({ sent: false, status: 'skipped', naming: [] });
  }, 120_000);
});
