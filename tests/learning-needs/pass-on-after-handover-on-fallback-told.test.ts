/**
 * Found in review, stop 66: a pass-on pressed through the button's Action.Submit fallback (a Teams
 * client without Action.Execute) in the group's chat after the weekly handover took the member's
 * need to L&O. The answer ("handed over meanwhile, nothing changed") is a personal card, which on
 * that fallback reaches nobody: the member was told nothing. Now it is said in their own chat, as
 * every refusal on that fallback is, without the words they typed (they stay on the group's card).
 */
import { submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { handedOverWeek } from './support';

describe('a pass-on on the Submit fallback after the handover took the need', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('tells the member in their own chat that it was handed over meanwhile, without their words', async () => {
    // Sunday 23:00 in Amsterdam: the handover is at 02:00.
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-29T22:00:00Z');
    const { g, members: [anna] } = await handedOverWeek(t);

    const before = t.connector.calls.length;
    const words = 'Een nieuwe vraag van Anna';
    expect((await t.send(submit(g.conv, anna, { verb: 'learningNeed.pass', ...g.ids(), questionId: 9, theme: 'samenwerken', learningNeedText: words }, g.sessionMessageId))).status).toBe(200);
    await t.app.background.idle();
    await t.app.outbox.drain(10_000);
    const sent = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
    const own = sent.filter((c) => c.conversationId !== g.conv.id).map((c) => ({ text: cardText(c.activity?.attachments?.[0]?.content ?? {}), json: JSON.stringify(c.activity ?? {}) }));
    expect({
      told: own.some((c) => /anoniem overgedragen aan L&O/.test(c.text)),
      words: own.some((c) => c.json.includes(words)),
      inGroup: sent.filter((c) => c.conversationId === g.conv.id && c.method === 'POST').length,
    }).toEqual({ told: true, words: false, inGroup: 0 });
  });
});
