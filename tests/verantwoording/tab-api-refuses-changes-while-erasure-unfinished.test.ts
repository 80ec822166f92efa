import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of the personal tab. Anna erases her data in the tab while Cosmos DB refuses the
 * deletes in her partition: the tab says the erasure is unfinished and that the app finishes it by
 * itself. She closes the tab and opens it again before that happened. The overview was served as
 * if nothing were under way, and a note she then added was answered 201 ("Bewaard.") - and the
 * resume job deleted it an hour later. The same for her Prof-traject, hours and sharing.
 * What must hold: while the erasure is unfinished the overview says so (`erasureUnfinished`), and
 * every change is refused with `erasureUnderway` (409) and stores nothing; never "saved" for what
 * the erasure then deletes. Once the erasure finished, a note is stored again and stays.
 */
describe('the tab API while an erasure is unfinished', () => {
  let t: TestApp;
  let token = '';
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
  };
  const notes = async () => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'" }).fetchAll()).resources as { id: string; text: string; rev: number; visibility: string }[];
  const notesWith = async (text: string) => (await notes()).filter((d) => d.text === text);
  const refused = { status: 409, body: { error: 'erasureUnderway' } };

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  });
  afterAll(() => t?.stop());

  it('says the erasure is unfinished, refuses every change, and stores notes again once it finished', async () => {
    expect((await api('POST', '/notes', { text: 'Van voor het wissen', key: 'before-erasure-0001' })).status).toBe(201);
    expect((await api('PUT', '/traject', { learningNeeds: 'Plannen', talents: 'Luisteren', plannedWeeks: 10, rev: 0 })).status).toBe(200);
    const [before] = await notes();

    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erase = await api('POST', '/erase', { confirm: true });
    t.proxy!.faults = undefined;
    // Precondition: the tab was told the erasure is unfinished and finishes by itself.
    expect({ status: erase.status, body: erase.json }).toEqual({ status: 503, body: { error: 'erasureUnfinished', started: true, resumes: true } });

    // She opens the tab again: the overview says an erasure is under way.
    const overview = await api('GET', '');
    expect({ status: overview.status, erasureUnfinished: overview.json.erasureUnfinished }).toEqual({ status: 200, erasureUnfinished: true });

    // ... and writes a note, edits one, shares one, saves her Prof-traject: all refused, nothing stored.
    const added = await api('POST', '/notes', { text: 'Na het heropenen getypt', key: 'after-erasure-0001' });
    const edited = await api('PUT', `/notes/${encodeURIComponent(before!.id)}`, { text: 'Bijgewerkt tijdens het wissen', rev: before!.rev });
    const shared = await api('PUT', '/visibility', { kind: 'note', id: before!.id, visibility: 'shared', visibilityRev: 0 });
    const traject = await api('PUT', '/traject', { learningNeeds: 'Anders', talents: 'Anders', plannedWeeks: 12, rev: 1 });
    const deleted = await api('DELETE', `/notes/${encodeURIComponent(before!.id)}?rev=${before!.rev}`);
    expect([added, edited, shared, traject, deleted].map((r) => ({ status: r.status, body: r.json }))).toEqual([refused, refused, refused, refused, refused]);
    expect((await notes()).map((n) => ({ text: n.text, visibility: n.visibility }))).toEqual([{ text: 'Van voor het wissen', visibility: 'private' }]);

    // The app finishes the erasure by itself: nothing it said was saved is lost.
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    expect(await notes()).toEqual([]);
    expect({ answered: added.status, keptAfterTheErasureFinished: (await notesWith('Na het heropenen getypt')).length > 0 }).not.toEqual({ answered: 201, keptAfterTheErasureFinished: false });

    // Done: the overview says nothing of an erasure, and a note is stored and stays.
    expect((await api('GET', '')).json.erasureUnfinished).toBeUndefined();
    expect((await api('POST', '/notes', { text: 'Opnieuw begonnen', key: 'after-erasure-0002' })).status).toBe(201);
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    expect((await notes()).map((n) => n.text)).toEqual(['Opnieuw begonnen']);
  });
});
