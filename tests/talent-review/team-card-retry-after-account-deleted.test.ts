/**
 * Found in review, stop 55 (fixed then: an account's card that was tried once goes on its retry
 * after the manager deleted the account; the send-time check still drops one never tried whose
 * record is gone, as a card landed after her erasure).
 *
 * Mia sends her account to Anna and is told "Verantwoording verstuurd". Teams answers the first
 * try of Anna's card with a 503, so it waits for its retry. Meanwhile Mia deletes the account from
 * her list, after a confirm that says what was sent stays in the chats it went to (README). The
 * card's send-time check found no record and dropped it: Anna never got what Mia was told went.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { personalChat, pressIn } from './support/proposal-put-before';

const [mia, anna] = ['Mia', 'Anna'].map(user) as [TestUser, TestUser];
const WORDS = 'NA-HET-WISSEN-UIT-DE-LIJST: een uur per week voor leren';

describe('a team account deleted from the list while its card waits for a retry', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const carries = (body: unknown) => JSON.stringify(body ?? '').includes(WORDS);

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.managers.set(anna.aadObjectId, mia.aadObjectId);
    graph.names.set(anna.aadObjectId, 'Anna');
    t = await startTestApp({ GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await graph?.stop();
  });

  it('Anna still gets the account Mia was told went to her', async () => {
    let refused = 0;
    let teamsDown = true;
    t.connector.faults.push((req) => (teamsDown && req.method === 'POST' && carries(req.body) ? (refused++, { status: 503 }) : undefined));
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    expect(cardText(await pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(form, 'review.teamAccount.send'), text: WORDS }))).toContain('Verantwoording verstuurd');
    // Teams refuses the card's tries for now: it waits for a retry.
    await t.app.outbox.drain(1_500).catch(() => undefined);
    await waitUntil('a try of Anna\'s card refused', () => refused >= 1);
    const kept = (await keptOf(mia.aadObjectId)).find((r) => r.text === WORDS);
    expect(kept).toBeDefined();
    await pressIn(t, mia, 'review.teamAccount.delete', { id: kept.id });
    expect(await keptOf(mia.aadObjectId)).toEqual([]);
    teamsDown = false;
    await t.app.outbox.drain(60_000).catch(() => undefined);
    // The outbox has nothing left to send: the card's retry went (a POST carrying the words that the connector accepted).
    expect(t.connector.calls.some((c) => c.method === 'POST' && carries(c.activity))).toBe(true);
  }, 120_000);
});
