/**
 * Found in review, stop 67. Bram's personal answer to question 9 (stored in his own partition, for
 * 730 days) is held on its way to the store while he erases his data in his 1:1 chat and is told
 * "Je gegevens zijn gewist"; then it lands. What must hold (README, erasure steps 2 and 6): the
 * answer keeps to a save window, so one answered after it is taken back and refused: nothing of
 * his is left, and he is not answered as if it was saved. The window's check is the session's read
 * of the group (no request of its own: tests/live-session/personal-answer-change-requests.test.ts).
 */
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { user, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9 } from '../learning-needs/support';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];

describe('a personal answer (question 9) whose write lands after the erasure said "gewist"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const own = async (who: TestUser) =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { type: string; text?: string }) => `${d.type}:${d.text ?? ''}`,
    );

  it('leaves nothing of his', async () => {
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    let open!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held = new Promise<void>((resolve) => (arrived = resolve));
    let once = false;
    const rule: CosmosFaultRule = (req) => {
      if (once || req.kind !== 'create' || req.container !== 'personal') return undefined;
      once = true;
      arrived();
      return { kind: 'hold', until: gate };
    };
    await t.proxy!.withFaults(rule, async () => {
      const press = g.press(bram, 'session.personal', { ...q9, text: 'BRAM-ANTWOORD ik wil weg hier' });
      await held;
      await eraseInChat(t, bram);
      expect(await own(bram)).toEqual([]);
      open();
      const answer = await press;
      const left = await own(bram);
      expect({ answer: cardText(answer.value), left }).toEqual({ answer: expect.stringContaining('Het opslaan duurde te lang, dus er is niets bewaard.'), left: [] });
      expect(await naming(t, ['BRAM-ANTWOORD'])).toEqual([]);
    });
  }, 180_000);
});
