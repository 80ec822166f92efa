/**
 * A guard (held when written, in review of stop 62).
 * `showsNothing` now refuses a note of
 * characters that show nothing. Guards: it must not refuse a real note (emoji with a variation
 * selector or a skin tone, flags, a tag-sequence flag, a keycap, CJK, Arabic, Hebrew, a URL alone),
 * and a note stored before the rule whose text shows nothing must still be listed, shared, edited
 * into words and deleted from the tab.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { noteTexts, PersonalChat, tabApi } from './support';

const REAL = {
  heart: '\u2764\uFE0F',
  thumbSkinTone: '\u{1F44D}\u{1F3FD}',
  dutchFlag: '\u{1F1F3}\u{1F1F1}',
  englandFlag: '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  keycap: '1\uFE0F\u20E3',
  cjk: '\u4ECA\u5929\u5B66\u4E60',
  arabic: '\u0645\u0631\u062D\u0628\u0627',
  hebrew: '\u05E9\u05DC\u05D5\u05DD',
  url: 'https://example.org/les',
  family: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
};

describe('a note that shows something is kept: showsNothing refuses nothing real', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('the tab keeps each real note', async () => {
    const api = await tabApi(t, 'aad-real-notes');
    const statuses: Record<string, number> = {};
    for (const [name, text] of Object.entries(REAL)) statuses[name] = (await api('POST', '/notes', { text, key: `probe62a-real-${name}` })).status;
    expect({ statuses, stored: await noteTexts(t, 'aad-real-notes') }).toEqual({ statuses: Object.fromEntries(Object.keys(REAL).map((k) => [k, 201])), stored: Object.values(REAL).sort() });
  });

  it('"notitie" with a heart or a flag alone is kept, not answered with the usage', async () => {
    const chat = new PersonalChat(t, user('HartjeP'));
    const said: string[][] = [];
    for (const text of [REAL.heart, REAL.englandFlag]) said.push((await chat.say(`notitie ${text}`)).texts);
    expect({ usage: said.some((s) => s.some((x) => /^Typ 'notitie'/.test(x))), stored: await noteTexts(t, 'aad-hartjep') }).toEqual({ usage: false, stored: [REAL.heart, REAL.englandFlag].sort() });
  });

  it('a note stored before the rule whose text shows nothing: listed, shared, edited into words, and deleted', async () => {
    const who = 'aad-old-invisible';
    const api = await tabApi(t, who);
    const made = (await api('POST', '/notes', { text: 'wordt onzichtbaar', key: 'probe62a-old-invisible' })).json;
    const personal = t.store.container('personal');
    const { resource } = await personal.item(made.id, who).read();
    await personal.item(made.id, who).replace({ ...resource, text: '\uFE0F\uFE0F' });
    const listed = ((await api('GET', '')).json.notes as { id: string; text: string }[]).map((n) => n.id);
    const share = await api('PUT', '/visibility', { kind: 'note', id: made.id, visibility: 'shared', visibilityRev: 0, rev: made.rev });
    const edit = await api('PUT', `/notes/${made.id}`, { text: 'Nu met woorden', rev: made.rev, visibilityRev: share.json?.visibilityRev });
    const del = await api('DELETE', `/notes/${made.id}?rev=${edit.json?.rev ?? made.rev}`);
    expect({ listed: listed.includes(made.id), share: share.status, edit: edit.status, del: del.status, stored: await noteTexts(t, who) }).toEqual({ listed: true, share: 200, edit: 200, del: 204, stored: [] });
  });
});
