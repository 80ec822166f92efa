import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { personalChat, pressIn } from './support/proposal-put-before';

/**
 * Found in review, stop 47. A manager deletes one of their kept accounts to the team. The delete
 * ran first; the answer was then the whole team-account form again, which asks the directory for
 * the manager's team. When Graph did not answer at that moment, the press ended in the
 * directory's error card, "Er is niets bewaard; probeer het over een paar minuten opnieuw", while
 * the account was gone already; pressed again as told, it answered "er is niets verwijderd". Mia
 * was told twice that nothing happened, and her account was deleted.
 * Must hold: a delete that was done is answered as done ("Verwijderd uit je lijst", with her list
 * and the way to a new account), whatever the directory does: the answer does not ask it at all.
 * Should her list not be read after the delete (the store fails that query), the answer still
 * says it was deleted, with the buttons to the list and to a new account.
 */
const [mia, anna] = ['Mia', 'Anna'].map(user) as [TestUser, TestUser];
const DELETE = 'review.teamAccount.delete';
const WORDS = 'TE-VERWIJDEREN: een uur per week';
const STAYS = 'BLIJFT-STAAN: de training kwam er niet';

describe('deleting a kept team account while the directory does not answer', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const send = async (text: string) => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    expect(cardText(await pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(form, 'review.teamAccount.send'), text }))).toContain('Verantwoording verstuurd');
  };

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

  it('answers the delete as done, with her list, not "niets bewaard", and asks the directory nothing', async () => {
    await send(STAYS);
    await send(WORDS);
    const kept = (await keptOf(mia.aadObjectId)).find((r) => r.text === WORDS);
    expect(kept).toBeDefined();

    graph.failWith = 503;
    const asked = graph.requests.length;
    let card: unknown;
    try {
      card = await pressIn(t, mia, DELETE, { id: kept.id });
    } finally {
      graph.failWith = undefined;
    }
    // The delete itself went through.
    expect((await keptOf(mia.aadObjectId)).map((r) => r.text)).toEqual([STAYS]);
    // ...and Mia is told so, not that nothing was stored.
    expect(cardText(card)).not.toContain('Er is niets bewaard');
    expect(cardText(card)).toContain('Verwijderd uit je lijst');
    // Her list as it is now, and the way to write a new one.
    expect(cardText(card)).toContain(STAYS);
    expect(cardText(card)).not.toContain(WORDS);
    expect(buttonData(card, 'review.teamAccount.open')).toEqual({});
    // The answer never asked the directory.
    expect(graph.requests.length).toBe(asked);
  }, 120_000);

  it('a delete that was done, whose list cannot be read after it: still answered as done', async () => {
    await send(WORDS);
    const kept = (await keptOf(mia.aadObjectId)).find((r) => r.text === WORDS);
    expect(kept).toBeDefined();
    const card = await t.proxy!.withFaults(
      (req) => (req.container === 'personal' && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined),
      () => pressIn(t, mia, DELETE, { id: kept.id }),
    );
    expect((await keptOf(mia.aadObjectId)).map((r) => r.text)).toEqual([STAYS]);
    expect(cardText(card)).not.toContain('Er is niets');
    expect(cardText(card)).toContain('Verwijderd uit je lijst');
    expect(buttonData(card, 'review.teamAccount.list')).toEqual({ skip: 0 });
    expect(buttonData(card, 'review.teamAccount.open')).toEqual({});
  }, 120_000);
});
