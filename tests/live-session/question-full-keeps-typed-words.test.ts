/**
 * Found in review, stop 64 (fixed then: the refusal names the text field): a group question that holds MAX_CONTRIBUTIONS_PER_QUESTION (1000) additions
 * refuses the next one (session.ts `contribute`). The refusal names no field, so the session form
 * is not drawn again: the member gets the plain error card, and what they typed is gone; the
 * words on the card do not say why either. (Seeded in the store: 1000 presses take minutes.)
 */
import { TestUser } from '../support/activities';
import { inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const TYPED = 'BRAM: de overdracht op papier, met een vaste plek op de balie, en een korte mondelinge toelichting';

describe('a question full of additions', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('refuses the next addition with the typed words kept and why', async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g = new GroupDriver(t, t.conversation('groupChat', '19:full-question@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'eerste');
    const [first] = await g.items('contribution');
    const clean = Object.fromEntries(Object.entries(first).filter(([k]) => !k.startsWith('_')));
    const container = t.store.container('sessions');
    for (let i = 1; i < 1000; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, 1000 - i) }, (_, j) => container.items.create({ ...clean, id: `${first.id}-seed-${i + j}`, text: `regel ${i + j}` })));
    }
    expect((await g.items('contribution')).length).toBe(1000);
    const res = await g.contribute(bram, 1, TYPED);
    const text = cardText(res.value);
    const kept = Object.values(inputValues(res.value)).includes(TYPED) || text.includes(TYPED);
    expect({ kept, stored: (await g.items('contribution')).length, card: text }).toEqual({ kept: true, stored: 1000, card: expect.stringContaining('Bij deze vraag kan niets meer bij: ze heeft al 1.000 aanvullingen.') });
  }, 180_000);
});
