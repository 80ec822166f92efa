import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from '../verantwoording/support';
import { tabApiAsAnyone } from './support';

/**
 * The tab API sent another person's ids in forms tests/privacy/tab-api-other-users-ids.test.ts
 * does not send: encoded and look-alike note ids, very long ids, owner fields in bodies, and a
 * withdrawal of someone else's learning need. Each is refused or lands in the caller's own records.
 * (Found safe in review, stop 50.)
 */
describe('tab API: ids of others, in odd forms, are refused', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const PRIVATE_NOTE = 'MRK-ANNA-PRIVE ik zoek een andere baan';
  const PERSONAL9 = 'MRK-ANNA-9 wil leren delegeren';
  let noteId = '';
  let answerIds: string[] = [];

  const api = tabApiAsAnyone(() => t);
  const recordsOf = async (userId: string) => (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: PERSONAL9, personal10: 'MRK-ANNA-10', contribution: 'De overdracht' });
    noteId = (await api('aad-anna', 'POST', '/notes', { text: PRIVATE_NOTE, key: 'probe-idor-0001' })).json.id;
    const overview = (await api('aad-anna', 'GET', '')).json;
    answerIds = overview.cycles.flatMap((c: { answers: { id: string }[] }) => c.answers.map((a) => a.id));
    expect(noteId).toBeTruthy();
    expect(answerIds.length).toBe(2);
  }, 180_000);
  afterAll(() => t.stop());

  it('Anna\'s note id encoded, upper-cased, padded, with a look-alike or a path in it: a colleague gets 400/404 and Anna\'s note is unchanged', async () => {
    const variants = [
      encodeURIComponent(noteId),
      encodeURIComponent(noteId.toUpperCase()),
      encodeURIComponent(`${noteId} `),
      encodeURIComponent(`${noteId}\u200b`),
      `${encodeURIComponent(noteId)}%00`,
      `..%2F${encodeURIComponent(noteId)}`,
      `%2e%2e%2faad-anna%2f${encodeURIComponent(noteId)}`,
      encodeURIComponent(noteId.replace(/-/g, '\u2010')),
      encodeURIComponent(noteId.normalize('NFKD')),
    ];
    for (const v of variants) {
      for (const [method, body] of [['PUT', { text: 'MRK-OVERSCHREVEN', rev: 0 }], ['DELETE', undefined]] as const) {
        const res = await api('aad-bram', method, `/notes/${v}`, body);
        expect({ v, method, ok: [400, 404, 204].includes(res.status), leaks: res.text.includes('MRK-ANNA') }).toEqual({ v, method, ok: true, leaks: false });
      }
    }
    const note = (await recordsOf('aad-anna')).find((r) => r.id === noteId);
    expect(note?.text).toBe(PRIVATE_NOTE);
  });

  it('very long ids (201, 10 000 characters) in the path and in a visibility body are refused (4xx), never a 500', async () => {
    const refused = (s: number) => s === 400 || s === 404 || s === 414;
    for (const n of [201, 10_000]) {
      const long = 'a'.repeat(n);
      expect(refused((await api('aad-bram', 'PUT', `/notes/${long}`, { text: 'x', rev: 0 })).status)).toBe(true);
      expect((await api('aad-bram', 'PUT', '/visibility', { kind: 'note', id: long, visibility: 'shared' })).status).toBe(400);
      expect(refused((await api('aad-bram', 'PUT', `/learning-needs/${long}`, { theme: 'samenwerken' })).status)).toBe(true);
    }
  });

  it('a colleague passing on Anna\'s answer with a valid theme is refused (404) for not being his, and nothing is stored', async () => {
    for (const answerId of answerIds) {
      const res = await api('aad-bram', 'PUT', `/learning-needs/${encodeURIComponent(answerId)}`, { theme: 'samenwerken', text: 'MRK-BRAM-NEED' });
      expect({ answerId, status: res.status }).toEqual({ answerId, status: 404 });
    }
    expect((await recordsOf('aad-anna')).filter((r) => r.type === 'learningNeedPassOn')).toEqual([]);
    expect((await recordsOf('aad-bram')).filter((r) => JSON.stringify(r).includes('MRK-BRAM-NEED'))).toEqual([]);
  });

  it('owner fields in a body (userId, tenantId, id, visibility) change nothing about whose record it is', async () => {
    const res = await api('aad-bram', 'POST', '/notes', { text: 'MRK-BRAM eigen notitie', key: 'probe-idor-0002', userId: 'aad-anna', tenantId: 'tenant-2', id: noteId, visibility: 'shared', type: 'personalAnswer' });
    expect([201, 400]).toContain(res.status);
    const annas = await recordsOf('aad-anna');
    expect(annas.filter((r) => JSON.stringify(r).includes('MRK-BRAM'))).toEqual([]);
    expect(annas.find((r) => r.id === noteId)?.text).toBe(PRIVATE_NOTE);
    if (res.status === 201) expect(res.json).toMatchObject({ userId: 'aad-bram', visibility: 'private' });
  });

  it('a colleague withdrawing Anna\'s passed-on learning need (DELETE /learning-needs/:answerId) leaves it passed on', async () => {
    let answerId = '';
    for (const id of answerIds) {
      const passed = await api('aad-anna', 'PUT', `/learning-needs/${encodeURIComponent(id)}`, { theme: 'samenwerken', text: 'MRK-ANNA-NEED' });
      if (passed.status === 200) answerId = id;
    }
    expect(answerId).not.toBe('');
    const before = (await recordsOf('aad-anna')).filter((r) => r.type === 'learningNeedPassOn');
    expect(before.length).toBe(1);
    const res = await api('aad-bram', 'DELETE', `/learning-needs/${encodeURIComponent(answerId)}`);
    expect([204, 404, 400]).toContain(res.status);
    expect(res.text).not.toContain('MRK-ANNA');
    const after = (await recordsOf('aad-anna')).filter((r) => r.type === 'learningNeedPassOn');
    expect(after).toEqual(before);
    // Nor does Bram's list now show anything of Anna's.
    expect((await api('aad-bram', 'GET', '/learning-needs')).text).not.toContain('MRK-ANNA');
  });

  it('Prof-traject and time of Anna\'s week, sent by a colleague in the same group, land in the colleague\'s own records only', async () => {
    const overview = (await api('aad-anna', 'GET', '')).json;
    const week = { groupId: overview.cycles[0].groupId, cycleId: overview.cycles[0].cycleId };
    const annaBefore = (await recordsOf('aad-anna')).filter((r) => r.type === 'timeUsed' || r.type === 'profTraject');
    await api('aad-bram', 'PUT', '/time', { ...week, hours: 7, userId: 'aad-anna' });
    await api('aad-bram', 'PUT', '/traject', { learningNeeds: 'MRK-BRAM-T', talents: 'x', plannedWeeks: 4, userId: 'aad-anna' });
    await api('aad-bram', 'PUT', '/visibility', { kind: 'time', id: week.cycleId, groupId: week.groupId, visibility: 'shared', userId: 'aad-anna' });
    const annaAfter = (await recordsOf('aad-anna')).filter((r) => r.type === 'timeUsed' || r.type === 'profTraject');
    expect(annaAfter).toEqual(annaBefore);
  });

  it('the log holds none of the texts', () => {
    expect(t.logs.join('')).not.toMatch(/MRK-/);
  });
});
