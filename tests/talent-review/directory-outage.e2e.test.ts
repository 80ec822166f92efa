import { addNote } from '../../src/usecases/verantwoording/notes';
import { waitUntil } from '../outbox/wait-until';
import { execute, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

/**
 * Microsoft Graph does not answer for a while (503) when the directory is asked who manages whom.
 * A lookup that failed is not an answer: the manager is not told "not your report", the prep
 * card due in that hour is not dropped (it goes out once Graph answers again), and a card already
 * in the chat is not withdrawn. Clock: Monday 23 November 2026; Mia manages Anna.
 */
const mia = user('Mia');
const anna = user('Anna');

describe('the manager directory does not answer (Graph outage)', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const chat = (who: { name: string }) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: typeof mia, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const plan = (date: string) => ({ reportId: 'aad-anna', date, timeZone: 'Europe/Amsterdam', prepDays: '3' });
  const prepPosts = () =>
    t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Voorbereiding: talentontwikkelgesprek met Anna'));
  const reviews = async () => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources;

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

  it('a plan saved during the outage is refused as "try again", not as "not your report", and its retry button plans it once Graph answers', async () => {
    graph.failWith = 503;
    const card = await press(mia, 'review.plan.save', plan('2026-12-17'));
    const text = cardText(card);
    expect(text).not.toContain('valt (nu) niet onder jou');
    expect(text).toMatch(/niet bereikbaar|niet nagaan/i);
    expect(await reviews()).toHaveLength(0);
    graph.failWith = undefined;
    // The same action again, with what was sent (nothing to type twice).
    await press(mia, 'review.plan.save', buttonData(card, 'review.plan.save'));
    expect((await reviews()).map((r) => r.date)).toEqual(['2026-12-17']);
  });

  it('the prep card due during the outage is sent once Graph answers again, not dropped', async () => {
    expect(cardText(await press(mia, 'review.plan.save', plan('2026-12-10')))).toContain('Anna');
    graph.failWith = 503;
    // Due 7 December 09:00 in Amsterdam; Graph stays down for two hours.
    for (const at of ['2026-12-07T08:00:00Z', '2026-12-07T08:30:00Z', '2026-12-07T09:00:00Z', '2026-12-07T09:30:00Z', '2026-12-07T10:00:00Z']) {
      t.clock.set(at);
      await t.app.scheduler.runDue();
    }
    expect(prepPosts()).toHaveLength(0);
    graph.failWith = undefined;
    t.clock.set('2026-12-07T10:30:00Z');
    await t.app.scheduler.runDue();
    expect(prepPosts()).toHaveLength(1);
  });

  it('the prep card in Mia\'s chat waits showing nothing of Anna when she shares a note during the outage, and shows it once Graph answers', async () => {
    const NOTE = 'Anna wil graag een mentor';
    const edits = () => t.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === 'a:personal-mia').map((c) => cardText(c.activity.attachments?.[0]?.content));
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'outage', text: NOTE, shared: false })).id;
    graph.failWith = 503;
    const shared = cardText(await press(anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'shared', rev: 1 }));
    // Anna's own overview does not wait for Graph: her change and her notes are there.
    expect(shared).toContain(NOTE);
    // The rebuild of Mia's card cannot check the directory: the card says it is unavailable for
    // now (it is not withdrawn, and shows nothing the directory has not confirmed is Mia's to see).
    await t.app.outbox.drain(30_000);
    expect(edits().at(-1)).toContain('even niet beschikbaar');
    expect(edits().filter((e) => e.includes(NOTE) || e.includes('niet meer'))).toEqual([]);
    graph.failWith = undefined;
    // The retry ten minutes later finds the directory answering again.
    t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    expect(edits().at(-1)).toContain(NOTE);
  }, 90_000);

  it('the professional asking "what does my manager see" during the outage is not told they have no manager', async () => {
    graph.failWith = 503;
    const text = cardText(await press(anna, 'review.preview', {}));
    expect(text).not.toMatch(/geen leidinggevende/i);
    expect(text).toMatch(/niet bereikbaar|niet nagaan/i);
  });
});
