import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from './support';

/**
 * The tab's JSON API with dev tokens (local mode): every path acts on the caller's own records,
 * another person's ids find nothing and leak nothing; the tab's pages carry their security headers.
 */
describe('the tab API and the tab\'s pages', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const tokens: Record<string, string> = {};
  const ANNA_NOTE = 'Anna schrijft iets persoonlijks';
  const ANNA_ANSWER = 'Anna wil leren delegeren';

  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined, headers: res.headers };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: ANNA_ANSWER, personal10: 'Energie van het samenwerken', contribution: 'De overdracht tussen diensten' });
    for (const who of ['aad-anna', 'aad-bram', 'aad-eva']) {
      const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who }) });
      tokens[who] = (await res.json()).token;
    }
  });
  afterAll(() => t.stop());

  it('keeps a verantwoording through the API: notes, sharing, time, Prof-traject', async () => {
    const created = await api('aad-anna', 'POST', '/notes', { text: ANNA_NOTE, key: 'tab-key-0001' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ userId: 'aad-anna', visibility: 'private', rev: 1 });
    expect((await api('aad-anna', 'POST', '/notes', { text: ANNA_NOTE, key: 'tab-key-0001' })).json.id).toBe(created.json.id);
    const overview = (await api('aad-anna', 'GET', '')).json;
    expect(overview.notes).toHaveLength(1);
    const cycle = overview.cycles[0];
    expect(cycle).toMatchObject({ groupName: 'Team Zorg', weekNumber: 1, sessionsAttended: 4, hours: 4, timeVisibility: 'private' });
    expect(cycle.answers.map((a: { text: string }) => a.text)).toContain(ANNA_ANSWER);
    expect(cycle.proposals[0]).toMatchObject({ status: 'adapt', text: 'Tien minuten overdracht met een vast formulier.' });

    expect((await api('aad-anna', 'PUT', '/visibility', { kind: 'note', id: created.json.id, visibility: 'shared', rev: 1 })).json.visibility).toBe('shared');
    expect((await api('aad-anna', 'PUT', '/time', { groupId: cycle.groupId, cycleId: cycle.cycleId, hours: 2.5 })).json.hours).toBe(2.5);
    expect((await api('aad-anna', 'PUT', '/visibility', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'shared' })).json.visibility).toBe('shared');
    expect((await api('aad-anna', 'PUT', '/traject', { learningNeeds: 'Delegeren', talents: 'Coachen', plannedWeeks: 20 })).status).toBe(200);
    const after = (await api('aad-anna', 'GET', '')).json;
    expect(after.profTraject).toMatchObject({ learningNeeds: 'Delegeren', visibility: 'private' });
    expect(after.cycles[0]).toMatchObject({ hours: 2.5, hoursCorrected: true, timeVisibility: 'shared' });
  });

  it('answers a stale edit with 409 and the newest version; bad input with 400', async () => {
    const note = (await api('aad-anna', 'POST', '/notes', { text: 'Versie 1' })).json;
    expect((await api('aad-anna', 'PUT', `/notes/${note.id}`, { text: 'Versie 2', rev: 1 })).json.rev).toBe(2);
    const stale = await api('aad-anna', 'PUT', `/notes/${note.id}`, { text: 'Versie van een oud scherm', rev: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'conflict', note: { text: 'Versie 2', rev: 2 } });
    expect((await api('aad-anna', 'POST', '/notes', { text: '' })).status).toBe(400);
    expect((await api('aad-anna', 'POST', '/notes', { nope: 1 })).status).toBe(400);
    expect((await api('aad-anna', 'PUT', '/time', { groupId: 'x', cycleId: 'y', hours: 'veel' })).status).toBe(400);
    expect((await api('aad-anna', 'POST', '/erase', { confirm: 'ja' })).status).toBe(400);
    expect((await api('aad-anna', 'DELETE', `/notes/${note.id}`)).status).toBe(204);
  });

  it.each(['a%2Fb', 'note%2F..%2F..%2Fx', 'a%5Cb', 'a%23b', 'a%3Fb', '%2F'])('answers a note id like %s with 400 or 404, never a 500', async (noteId) => {
    for (const [method, body] of [['PUT', { text: 'x', rev: 1 }], ['DELETE', undefined]] as const) {
      const res = await api('aad-anna', method, `/notes/${noteId}`, body);
      expect([400, 404]).toContain(res.status);
    }
    expect((await api('aad-anna', 'PUT', '/visibility', { kind: 'note', id: 'a/b', visibility: 'shared' })).status).toBeLessThan(500);
    expect((await api('aad-anna', 'PUT', '/time', { groupId: 'g/1', cycleId: 'c#1', hours: 1 })).status).toBeLessThan(500);
  });

  it('keeps no control characters in what the tab saves', async () => {
    const note = await api('aad-bram', 'POST', '/notes', { text: 'Bram\u0000 schrijft\u0007 iets\u001b' });
    expect(note.status).toBe(201);
    expect(note.json.text).toBe('Bram schrijft iets');
    const edited = await api('aad-bram', 'PUT', `/notes/${note.json.id}`, { text: 'Nieuw\u0000', rev: 1 });
    expect(edited.json.text).toBe('Nieuw');
    const traject = await api('aad-bram', 'PUT', '/traject', { learningNeeds: 'Plannen\u0000', talents: 'Luisteren\u0008', plannedWeeks: 10 });
    expect(traject.json).toMatchObject({ learningNeeds: 'Plannen', talents: 'Luisteren' });
  });

  it('stores no half emoji: an unpaired surrogate becomes the replacement character, a whole emoji stays', async () => {
    // A lone surrogate is not valid Unicode: exports, prep cards and Teams would carry broken text.
    const note = await api('aad-bram', 'POST', '/notes', { text: 'a\ud800b \udc00 \u{1F60A}' });
    expect(note.status).toBe(201);
    expect(note.json.text).toBe('a\ufffdb \ufffd \u{1F60A}');
  });

  it('never lets another person read or change Anna\'s entries through any path', async () => {
    const annas = (await api('aad-anna', 'GET', '')).json;
    const note = annas.notes.find((n: { text: string }) => n.text === ANNA_NOTE);
    const answer = annas.cycles[0].answers[0];
    const cycle = annas.cycles[0];
    const responses = [
      await api('aad-bram', 'PUT', `/notes/${note.id}`, { text: 'Overschreven', rev: note.rev }),
      await api('aad-bram', 'PUT', `/notes/${note.id}`, { text: 'Overschreven', rev: 99 }),
      await api('aad-bram', 'DELETE', `/notes/${note.id}`),
      await api('aad-bram', 'PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'private' }),
      await api('aad-bram', 'PUT', '/visibility', { kind: 'answer', id: answer.id, visibility: 'shared' }),
      await api('aad-eva', 'PUT', '/time', { groupId: cycle.groupId, cycleId: cycle.cycleId, hours: 1 }),
      await api('aad-eva', 'PUT', '/visibility', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'private' }),
      await api('aad-bram', 'GET', `?userId=aad-anna`),
      await api('aad-eva', 'GET', ''),
      await api('aad-bram', 'GET', '/export'),
    ];
    // A delete is done once the note is not there (idempotent): Bram's finds nothing of his own, so it deletes nothing.
    expect(responses.slice(0, 7).map((r) => r.status)).toEqual([404, 404, 204, 404, 404, 404, 404]);
    for (const r of responses) {
      expect(r.text).not.toContain(ANNA_NOTE);
      expect(r.text).not.toContain(ANNA_ANSWER);
      expect(r.text).not.toContain('aad-anna');
    }
    const still = (await api('aad-anna', 'GET', '')).json;
    expect(still.notes.find((n: { id: string }) => n.id === note.id)).toMatchObject({ text: ANNA_NOTE, visibility: 'shared' });
    expect(still.cycles[0].answers[0].visibility).toBe('private');
    expect(still.cycles[0]).toMatchObject({ hours: 2.5, timeVisibility: 'shared' });
  });

  it('serves the tab with a CSP that lets Teams frame it, and nothing outside its folder', async () => {
    for (const path of ['/tab/index.html', '/tab/does-not-exist.js']) {
      const res = await fetch(`${t.app.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com .*https:\/\/\*\.cloud\.microsoft .*https:\/\/\*\.office\.com/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
    for (const path of ['/tab/%2e%2e/%2e%2e/package.json', '/tab/..%2f..%2fpackage.json', '/tab/..%2f..%2fsrc%2fconfig%2fconfig.ts', '/tab/%2fetc%2fpasswd']) {
      const res = await fetch(`${t.app.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('lerend-werken-teams');
    }
    const api = await fetch(`${t.app.url}/api/verantwoording`, { headers: { authorization: `Bearer ${tokens['aad-anna']}` } });
    expect(api.headers.get('cache-control')).toBe('no-store');
    const redirect = await fetch(`${t.app.url}/tab`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/tab/index.html');
  });
});
