import { execute, submit, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

const [anna] = [user('Anna')];

/**
 * Found in review, stop 46. Teams calls a 1:1 chat between two people "personal" too (its id is a
 * thread's, "19:…"), as it does the person's own chat with the bot. The card actions' delivery took
 * any "personal" chat for the presser's own: on the Action.Submit fallback (older clients), the
 * error card or a refused form (which holds what the person typed, e.g. their own learning need)
 * went into the chat, where the colleague reads it. Must hold: in a 1:1 chat with a colleague
 * nothing of a press's answer is posted; it reaches the presser in their own chat with the bot, as
 * from a group chat or channel. An Action.Execute press is answered to the presser alone (the
 * invoke's reply), as before.
 */
describe('a card press answered in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  const withBram = () => ({ ...t.conversation('personal', '19:anna-bram@unq.gbl.spaces') });
  const intoColleagueChat = () => t.connector.calls.filter((c) => c.conversationId === '19:anna-bram@unq.gbl.spaces');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts no refused form or error card into that chat on the Submit fallback; the presser gets it in their own chat', async () => {
    const typed = 'MIJN-EIGEN-LEERBEHOEFTE '.repeat(100); // over the 2,000 characters a learning need may hold
    const res = await t.send(submit(withBram(), anna, { verb: 'learningNeed.pass', groupId: 'g-1', sessionId: 'g-1_w1_s4', questionId: 9, theme: 'digitaal', learningNeedText: typed, k: 'press-1' }, 'card-1'));
    expect(res.status).toBe(200);
    await t.app.outbox.drain(60_000);
    expect(intoColleagueChat().map((c) => `${c.method} ${JSON.stringify(c.activity).slice(0, 80)}`)).toEqual([]);
    const ownChat = t.connector.personalChats.get(anna.id) ?? t.connector.personalChats.get(anna.aadObjectId);
    expect(ownChat && t.connector.calls.some((c) => c.conversationId === ownChat)).toBe(true);
  });

  it('answers an Action.Execute press to the presser alone, as before', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(execute(withBram(), anna, 'learningNeed.pass', { groupId: 'g-1', sessionId: 'g-1_w1_s4', questionId: 9, theme: 'digitaal', learningNeedText: 'x'.repeat(2500), k: 'press-2' }, 'card-2'));
    expect(res.body?.value?.type).toBe('AdaptiveCard');
    expect(t.connector.calls.slice(before).filter((c) => c.conversationId === '19:anna-bram@unq.gbl.spaces')).toEqual([]);
  });
});
