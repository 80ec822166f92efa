import type { IncomingMessage } from 'node:http';
import { cosmosGate } from '../support/cosmos-gate';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from './support';

/**
 * "Verwijderen" on the note card checks the version the card showed, then deletes. An edit in the
 * tab that landed between that check and the delete was deleted unseen, though the tab had said
 * "saved". The delete now goes under the ETag of the version it checked. Found in review, stop 34.
 */
const path = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);

describe('a note delete from the chat card racing an edit in the tab', () => {
  let t: TestApp;
  let token = '';
  const api = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const notesOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  }, 60_000);
  afterAll(() => t.stop());

  it('does not delete the newer text saved in the tab while the delete was on its way', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    const { cards } = await anna.say('notitie Eerste versie van mijn notitie');
    const [note] = await notesOf('aad-anna');
    expect(note.text).toBe('Eerste versie van mijn notitie');

    // The overview in the chat shows version 1 with its delete button.
    const del = actionData(cards[0], 'verantwoording.note.delete')!;
    expect(del.rev).toBe(1);

    // The delete passes its version check; its write is held at the store (a replace by what keeps
    // the deleted note's id taken, so a redelivered add brings nothing back; a plain delete before).
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold((req) => (req.method === 'DELETE' || req.method === 'PUT') && path(req).endsWith(`/docs/${note.id}`));
    const pressed = anna.press('verantwoording.note.delete', del, 'note-card');
    await held.arrived;

    // Meanwhile the tab saves a new text from version 1 and is told it is saved.
    const edited = await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: 'Nieuwe tekst, veel belangrijker', rev: 1 });
    expect(edited.status).toBe(200);
    expect(edited.json.rev).toBe(2);

    held.release();
    const reply = await pressed;

    // The tab was told "saved"; the chat card showed version 1. The newer text may not vanish unseen.
    const after = await notesOf('aad-anna');
    expect({ stored: after.map((n) => n.text), replyShowsNewerText: cardText(reply).includes('Nieuwe tekst, veel belangrijker') }).toEqual({
      stored: ['Nieuwe tekst, veel belangrijker'],
      replyShowsNewerText: true,
    });
  }, 60_000);

  // The tab's delete sent no version: a note edited elsewhere after the tab loaded was deleted unseen.
  it('the tab deletes from the version it showed: a note edited since comes back as a conflict with the newest text', async () => {
    const created = await api('POST', '/notes', { text: 'Zoals de tab hem toonde', key: 'tab-delete-rev-01' });
    expect(created.json.rev).toBe(1);
    const id = encodeURIComponent(created.json.id);
    // Edited elsewhere (the chat's card, another tab) after this tab showed version 1.
    expect((await api('PUT', `/notes/${id}`, { text: 'Intussen aangevuld in de chat', rev: 1 })).json.rev).toBe(2);

    const stale = await api('DELETE', `/notes/${id}?rev=1`);
    expect({ status: stale.status, error: stale.json?.error, newest: stale.json?.note?.text }).toEqual({ status: 409, error: 'conflict', newest: 'Intussen aangevuld in de chat' });
    expect((await notesOf('aad-anna')).map((n) => n.text)).toContain('Intussen aangevuld in de chat');

    expect((await api('DELETE', `/notes/${id}?rev=2`)).status).toBe(204);
    expect((await notesOf('aad-anna')).map((n) => n.text)).not.toContain('Intussen aangevuld in de chat');
    expect((await api('DELETE', `/notes/${id}?rev=abc`)).status).toBe(400);
  });
});
