/**
 * A guard (held when written, in review of stop 54): the message extension's submitAction data and query
 * parameters carry ids and keys a client chooses. Bram sends Anna's dialog key and message id (as
 * her dialog in the same group chat carried them), and Anna's note's id as the key; and searches
 * with odd paging. Nothing of Anna's may change or be shown to him.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

const [anna, bram] = [user('Anna'), user('Bram')];

describe('extension data naming someone else\'s keys', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT c.id, c.userId, c.text, c.rev FROM c WHERE c.type = 'note'").fetchAll()).resources as { id: string; userId: string; text: string; rev: number }[];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('Bram\'s submit with Anna\'s dialog key, message id and note id touches only his own partition', async () => {
    const chat = t.conversation('groupChat', '19:probe-s54-ids@thread.v2');
    const submit = (who: typeof anna, data: Record<string, unknown>, messagePayload?: Record<string, unknown>) =>
      t.send(extensionInvoke(chat, who, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', ...(messagePayload ? { messagePayload } : {}), data }));
    await submit(anna, { noteText: 'Anna haar eigen notitie', key: 'anna-dialog-key-0001', message: '1764000000999' }, { id: '1764000000999', body: { contentType: 'html', content: '<p>x</p>' } });
    const [annas] = await notes();
    await submit(bram, { noteText: 'Anna haar eigen notitie', key: 'anna-dialog-key-0001', message: '1764000000999' });
    await submit(bram, { noteText: 'Bram overschrijft?', key: annas!.id });
    await submit(bram, { noteText: 'Bram overschrijft 2?', key: annas!.id, message: annas!.id });
    const after = await notes();
    expect(after.filter((n) => n.userId === anna.aadObjectId)).toEqual([annas]);
    expect(after.filter((n) => n.userId !== anna.aadObjectId).every((n) => n.userId === bram.aadObjectId)).toBe(true);

    for (const queryOptions of [{ skip: 0, count: 25 }, { skip: -5, count: -1 }, { skip: 1e12, count: 1e12 }, { skip: 'x', count: 'y' }]) {
      const res = await t.send(extensionInvoke(chat, bram, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'Anna' }], queryOptions }));
      // Teams' own paging is answered; a page it never sends is refused by the envelope check (activity-envelope.ts), never a 5xx.
      expect([200, 400]).toContain(res.status);
      expect(String(JSON.stringify(res.body))).not.toContain('Anna haar eigen notitie');
    }
  }, 60_000);
});
