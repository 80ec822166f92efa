/**
 * Found in review, stop 55 (fixed then: a retry that finds its card still waiting gives it a fresh
 * deadline for the record, under its ETag, before it writes the record).
 *
 * A request's card to the manager goes once the request's record is kept; with no record yet its
 * send-time check (requestCardMayGo) waits two save windows counted from the card's queueing
 * (`queuedAt`), then drops it unsent. A retry of the same press ("Versturen lukte nu niet ...
 * probeer het zo opnieuw") found the card still pending ('alreadyQueued') and left its `queuedAt`
 * at the first try's. When the sender's check ran while the retry's record create was on its way
 * (a few ms in production; here held at the Cosmos proxy until the check ran), the card was
 * dropped; the record then landed in time, and Anna was told her request went. The manager never
 * got it.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { MEMBERS, cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { requestKey } from '../../src/domain/talent-review/review-request';

const mia = user('Mia');
const [anna] = MEMBERS as [TestUser];
/** The production save window: the sender's first check on a busy machine takes a good part of a second. */
const WINDOW_MS = 3_000;

describe('a request pressed again after "Versturen lukte nu niet", two save windows later', () => {
  let t: TestApp;
  const job = async (id: string) => (await t.store.container('outbox').item(id, id).read()).resource as { status: string } | undefined;
  const kept = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT c.id FROM c WHERE c.type = 'reviewRequest' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;

  beforeAll(async () => {
    const directory = directoryFile([
      { id: anna.aadObjectId, name: 'Anna', managerId: mia.aadObjectId },
      { id: mia.aadObjectId, name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, saveWindowMs: WINDOW_MS });
  }, 120_000);
  afterAll(() => t?.stop());

  it('the card reaches the manager once the retry kept the record and told Anna it went', async () => {
    const words = 'OPNIEUW-GEDRUKT: graag een gesprek over mijn ontwikkeling';
    await t.send(message(personalChat(t, anna), anna, 'gesprek aanvragen'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)?.card;
    const data = buttonData(form, 'review.request.send');
    const jobId = jobIdFor(requestKey(anna.aadObjectId, String(data.k)));

    // First try: the card is queued, the record's create fails (the store is down for it).
    const first = await t.proxy!.withFaults(
      (req) => (req.container === 'personal' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => pressIn(t, anna, 'review.request.send', { ...data, text: words }),
    );
    const firstDone = Date.now();
    expect(cardText(first)).toContain('lukte nu niet');
    expect((await job(jobId))?.status).toBe('pending');
    expect(await kept()).toEqual([]);

    // Anna reads the error and presses again a few seconds later (more than two windows after the queueing).
    await waitUntil('two save windows passed since the first try', () => Date.now() > firstDone + 2 * WINDOW_MS + 100, { timeoutMs: 20_000 });
    let releaseCreate!: () => void;
    const createHeld = new Promise<void>((r) => (releaseCreate = r));
    let arrived = false;
    // The sender's write of the card after its check: a claim to skip it, or a deferral ('later').
    let checked = false;
    t.proxy!.faults = (req) => {
      if (arrived && req.container === 'outbox' && req.kind === 'replace' && req.path.endsWith(`/docs/${jobId}`)) checked = true;
      if (!(req.container === 'personal' && req.kind === 'create') || arrived) return undefined;
      arrived = true;
      return { kind: 'hold', until: createHeld };
    };
    const retry = pressIn(t, anna, 'review.request.send', { ...data, text: words });
    await waitUntil('the retry\'s record create on its way', () => arrived);
    // The sender's check runs now, with no record yet: it drops the card, or defers it.
    const sender = t.app.outbox.drain(30_000).catch(() => undefined);
    await waitUntil('the sender checked the card', () => checked);
    releaseCreate();
    const answer = await retry;
    t.proxy!.faults = undefined;
    expect(cardText(answer)).not.toContain('lukte nu niet');
    expect(await kept()).toHaveLength(1);

    await sender;
    await t.app.outbox.drain(30_000).catch(() => undefined);
    const sent = JSON.stringify(t.connector.cards(() => true)).includes(words);
    // Sent: since stop 59 the job leaves only the blank that holds its key.
    expect({ sent, status: (await job(jobId))?.status, keyHeld: await t.app.outbox.store.keyLeftBehind(jobId) }).toEqual({ sent: true, status: undefined, keyHeld: true });
  }, 120_000);
});
