import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from '../verantwoording/support';

/**
 * Adversarial privacy review: the tab API attacked by colleagues with someone else's ids
 * in the path, the query and the body (IDOR), and with forged tokens. Every test asserts the
 * correct behaviour, so a failing test is a leak.
 *
 * Cast: Anna, Bram, Cem, Dewi hold one week together (runWeek: Anna answers the two personal
 * questions). Eva is in no group. Mia manages Anna and Bram.
 */
describe('tab API IDOR and forged tokens', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const eva = user('Eva');
  const PRIVATE_NOTE = 'ANNA-PRIVE-notitie: ik overweeg te vertrekken';
  const SHARED_NOTE = 'ANNA-GEDEELD: ik wil meer verantwoordelijkheid';
  const PERSONAL9 = 'ANNA-PERSOONLIJK-9 wil leren plannen';
  const PERSONAL10 = 'ANNA-PERSOONLIJK-10 energie van puzzelen';
  const tokens = new Map<string, string>();
  let privateNoteId = '';
  let annaAnswerIds: string[] = [];
  let week: { groupId: string; cycleId: string };

  const signIn = async (userId: string) => {
    if (tokens.has(userId)) return tokens.get(userId)!;
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
    const token = ((await res.json()) as { token: string }).token;
    tokens.set(userId, token);
    return token;
  };
  const api = async (as: string, method: string, path: string, body?: unknown, rawToken?: string) => {
    const token = rawToken ?? (await signIn(as));
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
  };
  const annaRecords = async () => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna'`).fetchAll()).resources;
  const annaNote = async (id: string) => (await annaRecords()).find((r) => r.id === id);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'probe-directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory });
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: PERSONAL9, personal10: PERSONAL10, contribution: 'De overdracht tussen diensten' });
    privateNoteId = (await api('aad-anna', 'POST', '/notes', { text: PRIVATE_NOTE, key: 'probe-private-0001' })).json.id;
    expect((await api('aad-anna', 'POST', '/notes', { text: SHARED_NOTE, shared: true, key: 'probe-shared-0001' })).status).toBe(201);
    const overview = (await api('aad-anna', 'GET', '')).json;
    week = { groupId: overview.cycles[0].groupId, cycleId: overview.cycles[0].cycleId };
    annaAnswerIds = overview.cycles.flatMap((c: { answers: { id: string }[] }) => c.answers.map((a) => a.id));
    expect(annaAnswerIds.length).toBe(2);
  }, 180_000);
  afterAll(() => t.stop());

  it('a colleague editing Anna\'s private note by its id (PUT /notes/:id) gets 404 and changes nothing', async () => {
    const before = await annaNote(privateNoteId);
    for (const who of ['aad-bram', 'aad-eva']) {
      const res = await api(who, 'PUT', `/notes/${encodeURIComponent(privateNoteId)}`, { text: 'overschreven door een collega', rev: 0 });
      expect({ who, status: res.status }).toEqual({ who, status: 404 });
      expect(res.text).not.toContain('ANNA');
    }
    expect((await annaNote(privateNoteId))?.text).toBe(before.text);
  });

  it('a colleague editing with a stale rev (the conflict path returns "the stored note") never gets Anna\'s note back', async () => {
    const res = await api('aad-eva', 'PUT', `/notes/${encodeURIComponent(privateNoteId)}`, { text: 'x', rev: 999 });
    expect(res.text).not.toContain(PRIVATE_NOTE);
  });

  it('a colleague deleting Anna\'s note by its id leaves it in place', async () => {
    const res = await api('aad-eva', 'DELETE', `/notes/${encodeURIComponent(privateNoteId)}`);
    expect([204, 404]).toContain(res.status);
    expect(await annaNote(privateNoteId)).toBeDefined();
  });

  it('a colleague cannot share Anna\'s private note or personal answer with the manager (PUT /visibility with her ids)', async () => {
    const attempts = [
      { kind: 'note', id: privateNoteId, visibility: 'shared' },
      ...annaAnswerIds.map((id) => ({ kind: 'answer', id, groupId: week.groupId, visibility: 'shared' })),
    ];
    for (const body of attempts) {
      const res = await api('aad-bram', 'PUT', '/visibility', body);
      expect({ body, status: res.status }).toEqual({ body, status: 404 });
    }
    const recs = await annaRecords();
    expect(recs.filter((r) => r.visibility === 'shared' && (r.type === 'personalAnswer' || r.id === privateNoteId))).toEqual([]);
  });

  it('someone outside the group cannot keep time on Anna\'s week (PUT /time with her group and cycle)', async () => {
    const res = await api('aad-eva', 'PUT', '/time', { ...week, hours: 3 });
    expect(res.status).toBe(404);
    const shareTime = await api('aad-eva', 'PUT', '/visibility', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared' });
    expect(shareTime.status).toBe(404);
  });

  it('a colleague passing Anna\'s learning-need answer on to L&O (PUT /learning-needs/:answerId) is refused', async () => {
    for (const id of annaAnswerIds) {
      // A valid theme, so the only reason left to refuse is that the answer is not Bram's.
      const res = await api('aad-bram', 'PUT', `/learning-needs/${encodeURIComponent(id)}`, { theme: 'samenwerken', text: 'door Bram' });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
    expect((await annaRecords()).filter((r) => r.type === 'learningNeedPassOn')).toEqual([]);
  });

  it('Anna\'s user id in the query or body of GET /api/verantwoording, /export and /preview is ignored: Eva gets only her own', async () => {
    for (const path of ['?userId=aad-anna', '/export?userId=aad-anna&lang=nl', '/preview?userId=aad-anna']) {
      const res = await api('aad-eva', 'GET', path);
      expect({ path, leaked: /ANNA|aad-anna/.test(res.text) }).toEqual({ path, leaked: false });
    }
  });

  it('a group colleague\'s export ("mijn gegevens") holds none of Anna\'s notes or personal answers', async () => {
    const res = await api('aad-bram', 'GET', '/export');
    expect(res.status).toBe(200);
    for (const text of [PRIVATE_NOTE, SHARED_NOTE, PERSONAL9, PERSONAL10]) expect(res.text).not.toContain(text);
    expect(res.json.userId).toBe('aad-bram');
  });

  it('the "wat ziet mijn leidinggevende" preview shows Anna only what she shared, and a colleague with the same manager sees none of Anna\'s', async () => {
    const own = await api('aad-anna', 'GET', '/preview');
    expect(own.status).toBe(200);
    expect(own.text).toContain(SHARED_NOTE);
    for (const text of [PRIVATE_NOTE, PERSONAL9, PERSONAL10]) expect(own.text).not.toContain(text);
    const bramsPreview = await api('aad-bram', 'GET', '/preview');
    for (const text of [PRIVATE_NOTE, SHARED_NOTE, PERSONAL9, PERSONAL10]) expect(bramsPreview.text).not.toContain(text);
  });

  it('forged tokens for Anna are refused: another HS256 key, alg "none", and a token with her name in a claim other than sub', async () => {
    const wrongKey = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('aad-anna').setIssuer('lerend-werken-dev-sign-in').setAudience('lerend-werken-tab').setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(32)));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'aad-anna', iss: 'lerend-werken-dev-sign-in', aud: 'lerend-werken-tab', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    // Eva's real token with its payload swapped for Anna's (signature no longer matches).
    const [h, , s] = (await signIn('aad-eva')).split('.');
    const swapped = `${h}.${b64({ sub: 'aad-anna', iss: 'lerend-werken-dev-sign-in', aud: 'lerend-werken-tab', exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) })}.${s}`;
    for (const [what, token] of [['wrong key', wrongKey], ['alg none', none], ['swapped payload', swapped]] as const) {
      const res = await api('', 'GET', '/export', undefined, token);
      expect({ what, status: res.status, leaked: res.text.includes('ANNA') }).toEqual({ what, status: 401, leaked: false });
    }
  });

  it('the log at the default level holds none of the texts or names of this file', () => {
    const log = t.logs.join('');
    for (const text of [PRIVATE_NOTE, SHARED_NOTE, PERSONAL9, PERSONAL10, 'De overdracht tussen diensten', '"Anna"', '"Bram"']) expect({ text, inLog: log.includes(text) }).toEqual({ text, inLog: false });
  });
});
