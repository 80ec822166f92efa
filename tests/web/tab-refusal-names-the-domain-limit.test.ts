/**
 * Found in review, stop 62 (fixed then: a schema's guard refuses with the domain's limit, `TEXT_LIMITS`).
 * The tab API's refusal of a text that is too long names "the field's
 * name, the rule it broke and the limits" (tab-api.ts refusalBody), and the tab puts those limits
 * next to the field (src/tab/forms.ts reasonFor prefers the server's `max`). A paste past the
 * request schema's guard (20,000 characters for a note) is refused by that guard, which names its
 * own bound instead of the note's limit (4,000): the person is told a limit that is not the one.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { tabApiAsAnyone } from './support';

describe('a too-long text is refused with the limit that applies', () => {
  let t: TestApp;
  const api = tabApiAsAnyone(() => t);
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('a new note of 20,001 characters: 400 tooLong with max 4,000 (the note\'s limit), as one of 4,001', async () => {
    const refusals = [];
    for (const n of [4_001, 20_001]) {
      const res = await api('aad-lang', 'POST', '/notes', { text: 'x'.repeat(n), key: `probe62-limit-${n}` });
      refusals.push({ n, status: res.status, field: res.json?.field, rule: res.json?.rule, max: res.json?.params?.max });
    }
    expect(refusals).toEqual([
      { n: 4_001, status: 400, field: 'text', rule: 'tooLong', max: 4_000 },
      { n: 20_001, status: 400, field: 'text', rule: 'tooLong', max: 4_000 },
    ]);
  });

  it('an edit to 20,001 characters names the note\'s limit too, and the note keeps its words', async () => {
    const note = (await api('aad-lang-edit', 'POST', '/notes', { text: 'Kort', key: 'probe62-limit-edit' })).json;
    const res = await api('aad-lang-edit', 'PUT', `/notes/${note.id}`, { text: 'y'.repeat(20_001), rev: note.rev });
    expect({ status: res.status, rule: res.json?.rule, max: res.json?.params?.max }).toEqual({ status: 400, rule: 'tooLong', max: 4_000 });
  });

  it('a Prof-traject text of 20,001 characters names the traject\'s limit (2,000)', async () => {
    const res = await api('aad-lang-traject', 'PUT', '/traject', { learningNeeds: 'z'.repeat(20_001), talents: 'Luisteren', plannedWeeks: 4 });
    expect({ status: res.status, field: res.json?.field, rule: res.json?.rule, max: res.json?.params?.max }).toEqual({ status: 400, field: 'learningNeeds', rule: 'tooLong', max: 2_000 });
  });
});
