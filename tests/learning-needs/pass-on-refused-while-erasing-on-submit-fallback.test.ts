/**
 * Found in review, stop 52 (fixed then: the refusal goes to the member's own chat, with their words): the pass-on refused while the erasure is unfinished, pressed through the
 * button's Action.Submit fallback (a Teams client without Action.Execute) in the group chat, where
 * the member's card is. A refused form on that fallback is told in the member's own chat with the
 * bot, with what they typed (card-actions.ts: refusals go to the actor). The erasure refusal is
 * returned as an ordinary `personal` outcome, which on this fallback reaches nobody: Bram is told
 * nothing and his words are gone (nothing is stored either).
 */
import { submit, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { answeredThenErasureUnfinished } from './support';

describe('pass-on on the Submit fallback while the erasure is unfinished', () => {
  let t: TestApp;
  const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
  const passOns = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-bram' AND IS_DEFINED(c.passedAt)").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  // Since stop 66 without his words (found in review: a job Teams keeps failing held them under his
  // name, and the note asks him to pass the need on again once the erasure is done).
  it('tells him in his own chat, as a refused form there is told, without the typed words; nothing stored, nothing in the group', async () => {
    const { g, q9 } = await answeredThenErasureUnfinished(t, [anna, bram, cem], bram);

    const viaFallback = async (who: typeof bram, data: Record<string, unknown>) => {
      const before = t.connector.calls.length;
      expect((await t.send(submit(g.conv, who, { verb: 'learningNeed.pass', ...q9, ...data }, g.sessionMessageId))).status).toBe(200);
      await t.app.background.idle();
      await t.app.outbox.drain(10_000);
      const after = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
      const text = (c: (typeof after)[number]) => (c.activity?.attachments?.[0]?.content ? cardText(c.activity.attachments[0].content) : String(c.activity?.text ?? ''));
      return {
        inGroup: after.filter((c) => c.conversationId === g.conv.id && c.method === 'POST').map(text),
        own: after.filter((c) => c.conversationId !== g.conv.id).map((c) => ({ text: text(c), json: JSON.stringify(c.activity ?? {}) })),
      };
    };
    // Controls (Cem, no erasure): a form refused on this fallback (text over the payload limit) is told
    // in his own chat, why and without his words (since stop 66: a queued job holding them outlived
    // the handover, see pass-on-refused-on-fallback-queues-no-words.test.ts).
    await g.press(cem, 'session.personal', { ...q9, text: 'Iets met data' });
    const tooLong = await viaFallback(cem, { theme: 'samenwerken', learningNeedText: 'x'.repeat(2001) });
    const passed = await viaFallback(cem, { theme: 'samenwerken', learningNeedText: 'Cems woorden' });
    expect({ told: tooLong.own.some((c) => /Niet bewaard/.test(c.text) && /Hoogstens 300 tekens/.test(c.text)), words: tooLong.own.some((c) => c.json.includes('x'.repeat(40))), inGroup: tooLong.inGroup }).toEqual({ told: true, words: false, inGroup: [] });
    // (A stored pass-on is told nobody on this fallback: not new in stop 52, noted in the report.)
    expect(passed.own).toEqual([]);

    const erasing = await viaFallback(bram, { theme: 'samenwerken', learningNeedText: 'Een cursus plannen' });
    expect(await passOns()).toEqual([]);
    expect(erasing.inGroup).toEqual([]);
    expect({ told: erasing.own.some((c) => /gewist/.test(c.text)), passed: erasing.own.some((c) => /Doorgegeven/.test(c.text)), kept: erasing.own.some((c) => c.json.includes('Een cursus plannen')) }).toEqual({ told: true, passed: false, kept: false });
  });
});
