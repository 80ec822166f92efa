/**
 * Found in review, stop 67. Bram answered question 9 and presses "Doorgeven"; the press passes its
 * "no erasure under way" check, and its create in his partition is held on its way to the store (a
 * throttled, retried write) while he erases his data in his 1:1 chat and is told "Je gegevens zijn
 * gewist"; then it lands. What must hold (README, erasure step 6; stop 54's save window): the
 * pass-on keeps to the save window as notes and hours do, so answered after it, it is taken back
 * and refused: nothing of his is left, and he is not answered "Doorgegeven".
 */
import { holdFirst } from '../support/cosmos-proxy';
import { user, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9 } from '../learning-needs/support';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';
import { ownRecordsOf } from './support/own-records';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];

describe('a learning need passed on whose write lands after the erasure said "gewist"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('leaves nothing of his, and is not answered "Doorgegeven"', async () => {
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(bram, 'session.personal', { ...q9, text: 'Ik wil beter leren plannen' });
    const hold = holdFirst((req) => req.kind === 'create' && req.container === 'personal');
    await t.proxy!.withFaults(hold.rule, async () => {
      const press = g.press(bram, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'BRAM-LEERWENS timemanagement' });
      await hold.held;
      await eraseInChat(t, bram);
      expect(await ownRecordsOf(t, bram)).toEqual([]);
      hold.open();
      const answer = await press;
      const left = await ownRecordsOf(t, bram);
      expect({ answeredPassedOn: cardText(answer.value).includes('Doorgegeven'), left }).toEqual({ answeredPassedOn: false, left: [] });
      expect(cardText(answer.value)).toContain('Het opslaan duurde te lang, dus er is niets bewaard.');
      expect(await naming(t, ['BRAM-LEERWENS'])).toEqual([]);
    });
  }, 180_000);
});
