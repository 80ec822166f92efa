/**
 * Found in review, stop 66: a withdrawal pressed through the button's Action.Submit fallback in the
 * group's chat after the weekly handover took the need. Its answer ("handed over meanwhile") is a
 * personal card, which on that fallback reaches nobody: the member was told nothing. Now it is said
 * in their own chat, as for a pass-on.
 */
import { submit, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9, passOn } from './support';

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
    const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    for (const who of [anna, bram, cem]) await passOn(g, who, 'samenwerken', `De leervraag van ${who.name}`);
    t.clock.set('2026-11-30T01:30:00Z');
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(10_000);
    const statuses = async () => (await t!.store.container('personal').items.query("SELECT c.status FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources.map((x: { status: string }) => x.status);
    expect(await statuses()).toEqual(['handedOver', 'handedOver', 'handedOver']);
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, anna, { verb: 'learningNeed.withdraw', ...g.ids(), questionId: 9 }, g.sessionMessageId));
    expect(res.status).toBe(200);
    // Refused (conflict: handed over), nothing changed.
    expect(await statuses()).toEqual(['handedOver', 'handedOver', 'handedOver']);
    const told = await toldInOwnChat(t, g.conv.id, before);
    expect({ toldSomething: told.ownChatMessages > 0, mentionsHandover: told.texts.some((x) => /overgedragen/.test(x)) }).toEqual({ toldSomething: true, mentionsHandover: true });
  }, 180_000);
});
