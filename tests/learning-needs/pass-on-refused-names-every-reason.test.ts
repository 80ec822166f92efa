/**
 * Found in review, stop 66: a pass-on with no theme chosen and a text over 300 characters came back
 * in the member's own reply with the theme's reason only; pressing again then refused the text. The
 * form now names every refused input at once, as the note on the Submit fallback does.
 */
import { TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9 } from './support';

describe('a pass-on refused on two inputs', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('comes back with the words and both reasons, nothing stored', async () => {
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-29T22:00:00Z');
    const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(cem, 'session.personal', { ...q9, text: 'Cems antwoord' });
    const words = 'Leren plannen zonder dat iemand iets mist. '.repeat(8).trim();
    const res = await g.press(cem, 'learningNeed.pass', { ...q9, theme: '', learningNeedText: words });
    const text = cardText(res.value);
    const stored = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources;
    expect({ words: JSON.stringify(res.value ?? {}).includes(words.slice(0, 30)), theme: /Kies een thema/.test(text), tooLong: /Hoogstens 300 tekens/.test(text), stored }).toEqual({ words: true, theme: true, tooLong: true, stored: [] });
  });
});
