/**
 * Found in review, stop 67. Bram's question-9 answer, first delivery A: its create lands but
 * the answer is lost (a broken connection), and A's retry is held on its way (a slow path). Teams,
 * having no answer, delivers the same press again (B, same activity): B's create finds the answer
 * A wrote and B is answered with it (not an error card). Then A's retry is answered after A's
 * window: A takes back "its" answer and is refused. What must hold (notes have it since stop 61/62,
 * `confirmNote`): a press answered as saved leaves the answer stored.
 * The fix: a press that finds the answer (not created) confirms it before answering (`confirmFoundAnswer`).
 */
import { execute, user, TestUser } from '../support/activities';
import { dropThenHold } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { groupWithQuestion9 } from '../learning-needs/support';
import { ownRecordsOf } from './support/own-records';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
const REFUSED = /niets bewaard|lukte niet|probeer het/i;

describe('a personal answer delivered twice, the first copy answered late', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const own = async (who: TestUser) => (await ownRecordsOf(t, who)).filter((s) => s.includes('BRAM-ANTWOORD'));

  it('leaves the answer the redelivery was answered with', async () => {
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const press = execute(g.conv, bram, 'session.personal', { ...g.ids(), questionId: 9, text: 'BRAM-ANTWOORD plannen' }, g.sessionMessageId, 'act-bram-q9');
    const hold = dropThenHold('personal');
    await t.proxy!.withFaults(hold.rule, async () => {
      const first = t.send(press);
      await hold.held;
      const again = await t.send(press);
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      const late = await first;
      const bText = cardText(again.body?.value);
      expect({ lateRefused: REFUSED.test(cardText(late.body?.value)), redeliveryRefused: REFUSED.test(bText), redeliverySaidSaved: bText.includes('Bewaard in Mijn verantwoording') }).toEqual({
        lateRefused: true,
        redeliveryRefused: false,
        redeliverySaidSaved: true,
      });
    });
    expect(await own(bram)).toEqual(['personalAnswer:BRAM-ANTWOORD plannen']);
  }, 180_000);
});
