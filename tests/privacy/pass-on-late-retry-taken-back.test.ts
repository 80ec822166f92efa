/**
 * Found in review, stop 67. A pass-on's create lands but its answer is lost; the store's retry
 * finds it (409), and `put` looped: its `mutate` then saw the pass-on this very press wrote, so
 * `before` (what a take-back puts back) became that pass-on. Answered after the window, the
 * take-back "restored" it: the press was answered "niets bewaard" and the pass-on stayed (and was
 * handed over to L&O); with an erasure in between (the write held until after "gewist", then its
 * answer lost) it stayed after the erasure. Now `before` is what the press found, not its own write.
 * That makes the take-back real, so a press delivered twice (the first copy answered late) must not
 * take back the pass-on the second copy found and was answered with: the second confirms it first.
 * What must hold: an error card means nothing was stored, "Doorgegeven" that it was (common rules);
 * nothing of his stays after "gewist" (README erasure step 6).
 */
import { execute, user, TestUser } from '../support/activities';
import { CosmosFaultRule, dropThenHold, holdFirst } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { groupWithQuestion9 } from '../learning-needs/support';
import { eraseInChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];

describe("a pass-on's create whose answer is lost, answered after its window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const passOns = async (who: TestUser) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'learningNeedPassOn'", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.length;

  it('no erasure: refused as "niets bewaard", and nothing is passed on', async () => {
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(cem, 'session.personal', { ...q9, text: 'Ik wil beter leren plannen' });
    const hold = dropThenHold('personal');
    await t.proxy!.withFaults(hold.rule, async () => {
      const press = g.press(cem, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'CEM-LEERWENS' });
      await hold.held;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      const said = cardText((await press).value);
      expect({ refused: said.includes('niets bewaard'), passOnsStored: await passOns(cem) }).toEqual({ refused: true, passOnsStored: 0 });
    });
  }, 180_000);

  it('delivered twice, the first copy answered late: the pass-on the second was answered with stays', async () => {
    const g = await groupWithQuestion9(t, 'tenant-3', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(anna, 'session.personal', { ...q9, text: 'Ik wil beter leren plannen' });
    const press = execute(g.conv, anna, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'ANNA-LEERWENS' }, g.sessionMessageId, 'act-anna-pass');
    // The first copy's create lands and its answer is lost; its next request is held until the second copy was answered.
    const hold = dropThenHold('personal');
    await t.proxy!.withFaults(hold.rule, async () => {
      const first = t.send(press);
      await hold.held;
      const again = cardText((await t.send(press)).body?.value);
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      const late = cardText((await first).body?.value);
      expect({ lateRefused: late.includes('niets bewaard'), againPassedOn: again.includes('Doorgegeven'), passOnsStored: await passOns(anna) }).toEqual({
        lateRefused: true,
        againPassedOn: true,
        passOnsStored: 1,
      });
    });
  }, 180_000);

  it('its write landing after "gewist": nothing of his stays', async () => {
    const g = await groupWithQuestion9(t, 'tenant-2', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(bram, 'session.personal', { ...q9, text: 'Ik wil beter leren plannen' });
    let erased = false;
    let createDropped = false;
    // The pass-on's read in `put` (after the window's check): held until the erasure said "gewist".
    const hold = holdFirst((req) => req.kind === 'pointRead' && req.path.includes('/docs/lnp_'));
    const rule: CosmosFaultRule = (req) => {
      if (req.container !== 'personal') return undefined;
      const readHeld = hold.rule(req);
      if (readHeld) return readHeld;
      // Then its create lands, and its answer is lost.
      if (erased && !createDropped && req.kind === 'create') return (createDropped = true), { kind: 'dropAfter' };
      return undefined;
    };
    await t.proxy!.withFaults(rule, async () => {
      const press = g.press(bram, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'BRAM-LEERWENS' });
      await hold.held;
      await eraseInChat(t, bram);
      expect(await naming(t, ['BRAM-LEERWENS'])).toEqual([]);
      erased = true;
      hold.open();
      const said = cardText((await press).value);
      expect({ saidPassedOn: said.includes('Doorgegeven'), left: await naming(t, ['BRAM-LEERWENS']) }).toEqual({ saidPassedOn: false, left: [] });
    });
  }, 180_000);
});
