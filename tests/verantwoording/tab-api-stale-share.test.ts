import { startTestApp, TestApp } from '../support/test-app';
import { weekOfAnnasGroup } from './support';

/**
 * Found in review, after the chat's share presses got their count (visibilityRev). Anna shares a
 * note in the tab; the request lands, but its answer is lost and the PUT is sent again later.
 * Meanwhile she made the note private again. The late PUT carries the count the tab showed when
 * she pressed: it is older than the stored one, so it changes nothing (409, with the sharing as it
 * stands), and her manager does not get back what she took away. Every entry the tab can share
 * (note, answer, a week's hours, Prof-traject) shows its count in the overview; a PUT without a
 * count (a tab from before) still wins, as it did.
 */
describe('the tab API with a share press older than the last change', () => {
  let t: TestApp;
  let token = '';
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const stored = async (type: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = '${type}'`).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    await weekOfAnnasGroup(t);
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  });
  afterAll(() => t.stop());

  it('changes nothing for a retried share of a note she made private since', async () => {
    const note = (await api('POST', '/notes', { text: 'Alleen voor mij, toch', key: 'stale-share-0001' })).json;
    const shared = await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 });
    expect({ status: shared.status, visibility: shared.json.visibility, visibilityRev: shared.json.visibilityRev }).toEqual({ status: 200, visibility: 'shared', visibilityRev: 1 });
    expect((await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    // The first share, sent again.
    const late = await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 });
    expect({ status: late.status, body: late.json }).toEqual({ status: 409, body: { error: 'conflict', visibility: 'private', visibilityRev: 2 } });
    expect((await stored('note')).map((n) => [n.visibility, n.visibilityRev])).toEqual([['private', 2]]);
    expect((await api('GET', '')).json.notes.map((n: { visibility: string; visibilityRev?: number }) => [n.visibility, n.visibilityRev])).toEqual([['private', 2]]);
  });

  it('answers the same share sent twice as done, not as overtaken', async () => {
    const note = (await api('POST', '/notes', { text: 'Twee keer gedeeld', key: 'stale-share-0002' })).json;
    expect((await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 })).status).toBe(200);
    const again = await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 });
    expect({ status: again.status, visibility: again.json.visibility }).toEqual({ status: 200, visibility: 'shared' });
  });

  it('counts the sharing of a week\'s hours, an answer and the Prof-traject too', async () => {
    const o = (await api('GET', '')).json;
    const week = o.cycles[0];
    const answer = week.answers[0];
    expect({ time: week.timeVisibilityRev, answer: answer.visibilityRev }).toEqual({ time: 0, answer: 0 });
    expect((await api('PUT', '/visibility', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared', visibilityRev: 0 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared', visibilityRev: 0 })).status).toBe(409);
    expect((await api('PUT', '/visibility', { kind: 'answer', id: answer.id, visibility: 'shared', visibilityRev: 0 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'answer', id: answer.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'answer', id: answer.id, visibility: 'shared', visibilityRev: 0 })).status).toBe(409);
    expect((await api('PUT', '/traject', { learningNeeds: 'Plannen', talents: 'Luisteren', plannedWeeks: 20, rev: 0 })).status).toBe(200);
    const traject = (await api('GET', '')).json.profTraject;
    expect((await api('PUT', '/visibility', { kind: 'profTraject', id: traject.id, visibility: 'shared', visibilityRev: 0, rev: traject.rev })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'profTraject', id: traject.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'profTraject', id: traject.id, visibility: 'shared', visibilityRev: 0, rev: traject.rev })).status).toBe(409);
    const after = (await api('GET', '')).json;
    expect([after.cycles[0].timeVisibility, after.cycles[0].timeVisibilityRev, after.cycles[0].answers[0].visibility, after.profTraject.visibility]).toEqual(['private', 2, 'private', 'private']);
  });

  it('still lets a share without a count win, as tabs from before send it', async () => {
    const note = (await api('POST', '/notes', { text: 'Van een oude tab', key: 'stale-share-0003' })).json;
    expect((await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    // (With the text's revision, which a share needs since stop 54: share-only-the-text-shown.test.ts.)
    const old = await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', rev: 1 });
    expect({ status: old.status, visibility: old.json.visibility }).toEqual({ status: 200, visibility: 'shared' });
  });

  it('refuses a count that is no count', async () => {
    const note = (await api('POST', '/notes', { text: 'Rare teller', key: 'stale-share-0004' })).json;
    for (const visibilityRev of [-1, 1.5, 'nul']) {
      expect((await api('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev })).status).toBe(400);
    }
    expect((await stored('note')).find((n) => n.id === note.id)?.visibility).toBe('private');
  });

  it('answers an add sent again after its note was deleted with 404, and brings nothing back', async () => {
    const note = (await api('POST', '/notes', { text: 'Even later verwijderd', key: 'stale-add-00001' })).json;
    expect((await api('DELETE', `/notes/${encodeURIComponent(note.id)}?rev=1`)).status).toBe(204);
    const again = await api('POST', '/notes', { text: 'Even later verwijderd', key: 'stale-add-00001' });
    expect({ status: again.status, body: again.json }).toEqual({ status: 404, body: { error: 'notFound' } });
    expect((await stored('note')).map((n) => n.text)).not.toContain('Even later verwijderd');
  });
});
