// Found in review, stop 55 (fixed then: cleanJson reads "\r\n" and a lone "\r" as one "\n" for every card and tab string).

import { cleanJson, withoutControlCharacters } from '../../src/domain/shared/text';
import { field } from '../support/card-fields';
import { user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9 } from './support';

/**
 * The learning-need pass-on form as members fill it. A need typed in a few lines, 300 characters
 * as the field counts them (its maxLength is 300), is sent by the Teams client with its line
 * breaks as "\r\n" (prep.card.ts `sameAccount`). Promise: taken, as typed; one over the limit
 * comes back whole with the reason next to the field; nothing stored.
 */
describe('learning-need pass-on with what members really type', () => {
  let t: TestApp;
  let g: GroupDriver;
  const members = ['Anna', 'Bram', 'Cem'].map(user);
  const [anna, bram, cem] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
  const q9 = () => ({ ...g.ids(), questionId: 9 });
  const passOns = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  /** `lines` lines of `each` letters, joined as a Teams client sends a multi-line field. */
  const typedLines = (lines: number, each: number) => Array.from({ length: lines }, (_, i) => String.fromCharCode(97 + i).repeat(each)).join('\r\n');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const m of members) await g.press(m, 'session.personal', { ...q9(), text: `Antwoord van ${m.name}` });
  }, 120_000);
  afterAll(() => t.stop());

  it('300 characters in 10 lines (as the field counts them), sent with "\\r\\n" breaks, is passed on', async () => {
    const text = `a${typedLines(10, 29)}`; // 291 letters + 9 breaks = 300 as typed
    expect(text.replace(/\r\n/g, '\n')).toHaveLength(300);
    const res = await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'digitaal', learningNeedText: text });
    expect({ said: cardText(res.value).includes('Doorgegeven'), reason: field(res.value, 'learningNeedText')?.next }).toEqual({ said: true, reason: undefined });
    // Stored as shown: each break one "\n".
    expect((await passOns(anna.aadObjectId)).map((r) => r.text ?? r.sent?.text)).toEqual([text.replace(/\r\n/g, '\n')]);
  });

  it('301 characters typed on one line is refused whole, the limit and its length next to the field, nothing stored', async () => {
    const text = 'x'.repeat(300) + 'y';
    const res = await g.press(bram, 'learningNeed.pass', { ...q9(), theme: 'digitaal', learningNeedText: text });
    const f = field(res.value, 'learningNeedText');
    expect(f?.value).toBe(text);
    expect(f?.next).toMatch(/300/);
    expect(f?.next).toMatch(/301/);
    expect(await passOns(bram.aadObjectId)).toEqual([]);
  });

  it('only emoji and RTL text with zero-width characters around it is passed on as shown', async () => {
    const text = '\u200b🙂🙂 \u05e9\u05dc\u05d5\u05dd\u200b';
    const res = await g.press(cem, 'learningNeed.pass', { ...q9(), theme: 'anders', learningNeedText: text });
    expect(cardText(res.value)).toContain('Doorgegeven');
    const stored = await passOns(cem.aadObjectId);
    expect(stored.map((r) => r.text ?? r.sent?.text ?? r)).toEqual([expect.stringContaining('🙂🙂 \u05e9\u05dc\u05d5\u05dd')]);
  });
});

describe('line breaks in what a card or the tab sends (cleanJson)', () => {
  it('reads "\\r\\n" and a lone "\\r" as one "\\n", and drops other control characters', () => {
    expect(cleanJson({ a: 'een\r\ntwee\rdrie\r\r\nvier\n', b: ['x\u0007\r\ny'] })).toEqual({ a: 'een\ntwee\ndrie\n\nvier\n', b: ['x\ny'] });
  });

  it('returns a text with nothing to change as it is', () => {
    const text = 'Twee regels\nmet een tab\ten 🙂';
    expect(withoutControlCharacters(text)).toBe(text);
  });
});
