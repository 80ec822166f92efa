import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat, verantwoordingDeps } from './support';

/**
 * Found in review, stop 40. Anna shares a note while Microsoft Graph is down. The rebuild of the prep card in her
 * manager Mia's chat cannot check the directory, so it schedules a retry job
 * (`<prepRefreshJobId>_directory_<window>`) whose payload is `{ reportId: 'aad-anna' }`. Anna then
 * erases her data. The erasure forgot only the base prepRefresh job id, so the directory retry
 * job stayed in the `jobs` container naming her (pending for ten minutes, then "done" and kept for
 * another seven days). Now every prep-rebuild job whose payload names her goes with the erasure.
 * Clock: Monday 23 November 2026; Mia manages Anna.
 */
const mia = user('Mia');
const anna = user('Anna');

describe('erasure and the prep-card rebuild that waits for the directory', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const chat = (who: { name: string }) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: typeof mia, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const jobsNamingAnna = async () =>
    ((await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources as { id: string; kind: string; status: string; payload?: unknown }[])
      .filter((j) => JSON.stringify(j).includes(anna.aadObjectId))
      .map((j) => `${j.kind}:${j.status}:${JSON.stringify(j.payload)}`);

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

  it('after Anna\'s erasure no scheduled job names her, also the one that waited for the directory', async () => {
    // Mia plans the conversation; the prep card reaches her chat on 7 December.
    expect(cardText(await press(mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }))).toContain('Anna');
    t.clock.set('2026-12-07T08:30:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const prepPosted = t.connector.calls.some((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Anna'));
    expect(prepPosted).toBe(true);

    // Graph goes down; Anna shares a note: the rebuild of Mia's card waits for the directory.
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'probe-outage', text: 'Anna wil een mentor', shared: false })).id;
    graph.failWith = 503;
    await press(anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'shared', rev: 1 });
    await t.app.outbox.drain(30_000);
    // The setup worked: a job is waiting for the directory on Anna's behalf.
    expect((await jobsNamingAnna()).some((j) => j.startsWith('review.prepRefresh:pending'))).toBe(true);

    // Anna erases her data (the erasure itself does not need Graph).
    await eraseInChat(t, anna);

    // Nothing scheduled may name her any more.
    expect(await jobsNamingAnna()).toEqual([]);
  }, 120_000);
});
