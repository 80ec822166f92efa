import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek, tabApi } from './support';

/**
 * Found in review, stop 56 (fixed then: limits count characters as they show, graphemes after NFC, with a ceiling of twice the limit in code units).
 * The personal tab's learning-need, Prof-traject and notes forms, through the tab's API as the
 * page calls it.
 *
 * Promise under test: a limit is counted in what the user sees (an emoji is one character, an
 * "é" typed or pasted as e + combining accent is one), accepted input is stored as meant, and
 * input that looks empty is refused (or, where optional, stored as none) next to its field.
 */
describe('the tab forms count characters as they show, with honest bad input', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let api: Awaited<ReturnType<typeof tabApi>>;
  let answerId = '';
  const stored = async (type: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = '${type}'`).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Plannen', personal10: 'Energie', contribution: 'Overdracht' });
    api = await tabApi(t, 'aad-anna');
    const overview = (await api('GET', '')).json;
    answerId = overview.cycles[0].answers.find((a: { questionId: number }) => a.questionId === 9).id;
  }, 120_000);
  afterAll(() => t.stop());

  // 280 letters and 20 emoji: 300 characters on screen, 320 UTF-16 code units.
  const EMOJI_300 = `${'a'.repeat(280)}${'🙂'.repeat(20)}`;
  // "é" as e + U+0301 (as macOS and some phones paste it): 150 characters on screen, 300 code units.
  const ACCENTS_150 = 'e\u0301'.repeat(150);

  it('a learning need of 300 characters as seen, 20 of them emoji, is passed on (limit 300)', async () => {
    const res = await api('PUT', `/learning-needs/${answerId}`, { theme: 'samenwerken', text: EMOJI_300, rev: 0 });
    expect({ status: res.status, refused: res.json?.params }).toEqual({ status: 200, refused: undefined });
  });

  it('a learning need of 150 accented letters pasted decomposed is within the limit of 300', async () => {
    const res = await api('PUT', `/learning-needs/${answerId}`, { theme: 'samenwerken', text: `${ACCENTS_150}${'x'.repeat(100)}` });
    expect({ status: res.status, refused: res.json?.params }).toEqual({ status: 200, refused: undefined });
  });

  it('a note of 4000 characters as seen, 100 of them emoji, is saved (limit 4000)', async () => {
    const text = `${'b'.repeat(3900)}${'👍🏽'.repeat(100)}`;
    const res = await api('POST', '/notes', { text, key: 'as-seen-0001' });
    expect({ status: res.status, refused: res.json?.params }).toEqual({ status: 201, refused: undefined });
  });

  it('a note of only zero-width and direction characters is refused as required, nothing stored', async () => {
    const before = (await stored('note')).length;
    const res = await api('POST', '/notes', { text: '\u200B\u200D\u2060\uFEFF\u202E \u2066', key: 'as-seen-0002' });
    expect({ status: res.status, body: res.json }).toEqual({ status: 400, body: { error: 'invalidInput', field: 'text', rule: 'required', params: {} } });
    expect((await stored('note')).length).toBe(before);
  });

  it('a note of only emoji, and one of markdown and HTML, are stored exactly as typed', async () => {
    for (const [i, text] of ['🎉🙌👨‍👩‍👧‍👦', '<b>vet</b> [klik](javascript:alert(1)) **x**'].entries()) {
      const res = await api('POST', '/notes', { text, key: `as-seen-001${i}` });
      expect({ status: res.status, text: res.json.text }).toEqual({ status: 201, text });
    }
  });

  it('a Prof-traject of exactly 2000 characters with pasted "\\r\\n" breaks and tabs is stored with "\\n"', async () => {
    // 19 lines of 98 letters, a pasted tab and "\r\n", then 100 letters: 2019 code units sent, 2000 once each break is one "\n".
    const typed = `${'c'.repeat(98)}\t\r\n`.repeat(19) + 'c'.repeat(100);
    const expected = typed.replace(/\r\n/g, '\n');
    expect([typed.length, expected.length]).toEqual([2019, 2000]);
    const res = await api('PUT', '/traject', { learningNeeds: typed, talents: 'Luisteren', plannedWeeks: 20, rev: 0 });
    expect(res.status).toBe(200);
    expect(res.json.learningNeeds).toBe(expected);
  });

  it('a learning need whose own words are only spaces and zero-width characters is passed on without words', async () => {
    const current = (await api('GET', '/learning-needs')).json.items.find((i: { answerId: string }) => i.answerId === answerId);
    const res = await api('PUT', `/learning-needs/${answerId}`, { theme: 'organiseren', text: ' \u200B\u00A0\t', rev: current?.rev ?? 0 });
    expect(res.status).toBe(200);
    const after = (await api('GET', '/learning-needs')).json.items.find((i: { answerId: string }) => i.answerId === answerId);
    expect(after).toEqual(expect.objectContaining({ theme: 'organiseren' }));
    expect(after.text).toBeUndefined();
  });
});
