/**
 * Found in review, stop 66: a withdrawal pressed through the button's Action.Submit fallback in the
 * group's chat after the weekly handover took the need. Its answer ("handed over meanwhile") is a
 * personal card, which on that fallback reaches nobody: the member was told nothing. Now it is said
 * in their own chat, as for a pass-on.
 */
import { submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { handedOverWeek, passOnStatuses } from './support';

async function toldInOwnChat(t: TestApp, groupConvId: string, before: number) {
  await t.app.background.idle();
  await t.app.outbox.drain(10_000);
  const sent = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
  const own = sent.filter((c) => c.conversationId !== groupConvId).map((c) => cardText(c.activity?.attachments?.[0]?.content ?? {}) || String(c.activity?.text ?? ''));
  return { ownChatMessages: own.length, texts: own };
}

describe('withdrawing on the Submit fallback in the group chat, too late', () => {
  let t: TestApp | undefined;
  afterEach(async () => { await t?.stop(); t = undefined; });

  it('after the handover took the need: the member is told in their own chat', async () => {
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-29T22:00:00Z');
    const { g, members: [anna] } = await handedOverWeek(t);
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, anna, { verb: 'learningNeed.withdraw', ...g.ids(), questionId: 9 }, g.sessionMessageId));
    expect(res.status).toBe(200);
    // Refused (conflict: handed over), nothing changed.
    expect(await passOnStatuses(t)).toEqual(['handedOver', 'handedOver', 'handedOver']);
    const told = await toldInOwnChat(t, g.conv.id, before);
    expect({ toldSomething: told.ownChatMessages > 0, mentionsHandover: told.texts.some((x) => /overgedragen/.test(x)) }).toEqual({ toldSomething: true, mentionsHandover: true });
  }, 180_000);
});
