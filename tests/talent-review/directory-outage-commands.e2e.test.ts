import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { FakeGraph } from '../support/fake-graph';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';
const GENERIC = 'Er ging iets mis aan onze kant';

/**
 * More callers of the manager directory during a Graph outage (found in review of the change that
 * made a failed lookup "no answer", stop 32): typed commands got the generic error where the
 * buttons got the friendly one, and a note the report took back stayed on the manager's prep card
 * while the rebuild waited for Graph (before that change the card was withdrawn).
 */
describe('typed commands and taken-back notes during a Graph outage', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const chat = (who: { name: string }) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: typeof mia, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const repliesTo = (who: typeof mia, from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === `a:personal-${who.name.toLowerCase()}`);
  const replyText = (c: { activity: { text?: string; attachments?: { content: unknown }[] } }) => `${c.activity.text ?? ''} ${cardText(c.activity.attachments?.[0]?.content)}`;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.managers.set('aad-anna', 'aad-mia');
    graph.names.set('aad-anna', 'Anna Annadottir');
    t = await startTestApp({ GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });
  afterEach(() => (graph.failWith = undefined));

  it('the typed "wat ziet mijn leidinggevende" during the outage gets the friendly directory message, not the generic error', async () => {
    graph.failWith = 503;
    const from = t.connector.calls.length;
    await t.send(message(chat(anna), anna, 'wat ziet mijn leidinggevende'));
    const texts = repliesTo(anna, from).map(replyText).join('\n');
    expect(texts).not.toContain(GENERIC);
    expect(texts).toMatch(/niet bereikbaar|niet nagaan/i);
  });

  it('the typed "gesprek plannen" during the outage gets the friendly directory message, not the generic error', async () => {
    graph.failWith = 503;
    const from = t.connector.calls.length;
    await t.send(message(chat(mia), mia, 'gesprek plannen'));
    const texts = repliesTo(mia, from).map(replyText).join('\n');
    expect(texts).not.toContain(GENERIC);
    expect(texts).toMatch(/niet bereikbaar|niet nagaan/i);
  });

  it('a note Anna takes back during the outage does not stay on the prep card in Mia\'s chat', async () => {
    const NOTE = 'Anna overweegt te vertrekken';
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'outage-unshare', text: NOTE, shared: true })).id;
    expect(cardText(await press(mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }))).toContain('Anna');
    t.clock.set('2026-12-07T09:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const posted = t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes(TITLE));
    expect(posted).toHaveLength(1);
    expect(cardText(t.connector.latest(posted[0]!.id))).toContain(NOTE);
    graph.failWith = 503;
    // Anna takes the note back, on her overview card.
    await press(anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' });
    await t.app.outbox.drain(5_000).catch(() => undefined);
    // What Mia's chat shows for that message during the outage: nothing Anna took back.
    expect(cardText(t.connector.latest(posted[0]!.id))).not.toContain(NOTE);
  }, 90_000);
});
