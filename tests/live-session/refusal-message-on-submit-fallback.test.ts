import { submit, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';

/**
 * README left-out of stop 46: "A judgement or decision refused for lack of a proposal text answers
 * with a message, which the Action.Submit fallback does not show". A client without Universal
 * Actions sends the press as a message (Action.Submit); a message outcome went nowhere, so Anna
 * pressed "judge", nothing was stored, and she never heard why.
 * Must hold: on the Submit fallback in the group chat, the words reach Anna in her own chat with
 * the bot (not the group's chat, which is not hers to fill with her refused press); in her own chat
 * the words come there. Nothing is stored either way.
 */
describe('a press answered with words, on the Action.Submit fallback', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const NOTHING_TO_JUDGE = 'There is no proposal to judge yet';

  it('tells the presser in their own chat what became of it, and nothing in the group chat', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna] = four;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:submit-words@thread.v2'), four);
    await g.setUp('en');
    await g.startCycle();
    await g.startSession();

    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, anna, { verb: 'proposal.judge', ...g.ids(), opinion: 'agree', reason: 'Good' }, 'session-card'));
    expect(res.status).toBe(200);
    await t.app.outbox.drain(30_000);
    const textOf = (c: (typeof t.connector.calls)[number]) => `${c.activity?.text ?? ''} ${cardText(c.activity?.attachments?.[0]?.content ?? {})}`;
    await waitUntil('Anna hears in her own chat why nothing was stored', () => {
      const own = t.connector.personalChats.get(anna.id) ?? t.connector.personalChats.get(anna.aadObjectId);
      return t.connector.calls.slice(before).some((c) => c.conversationId === own && c.method === 'POST' && textOf(c).includes(NOTHING_TO_JUDGE));
    }, { state: () => t.connector.calls.slice(before).map((c) => `${c.method} ${c.conversationId} ${textOf(c).slice(0, 80)}`).join(' | ') });
    expect(t.connector.calls.slice(before).filter((c) => c.conversationId === g.conv.id && textOf(c).includes(NOTHING_TO_JUDGE))).toEqual([]);

    const judgements = await t.store.container('sessions').items
      .query({ query: 'SELECT * FROM c WHERE c.type = "judgement" AND c.groupId = @g', parameters: [{ name: '@g', value: g.groupId }] })
      .fetchAll();
    expect(judgements.resources).toEqual([]);

    // A press answered with words in her own chat with the bot (L&O's offer form, which only HR
    // opens; Anna is not HR): the words come there.
    const own = t.connector.personalChats.get(anna.id) ?? t.connector.personalChats.get(anna.aadObjectId) ?? '';
    const fromOwnChat = t.connector.calls.length;
    await t.send(submit(t.conversation('personal', own), anna, { verb: 'loOffer.list' }, 'forwarded-card'));
    await waitUntil('the words in her own chat', () =>
      t.connector.calls.slice(fromOwnChat).some((c) => c.conversationId === own && c.method === 'POST' && textOf(c).includes('Alleen HR/L&O')),
    { state: () => t.connector.calls.slice(fromOwnChat).map((c) => `${c.method} ${c.conversationId} ${textOf(c).slice(0, 120)}`).join(' | ') });
  }, 60_000);
});
