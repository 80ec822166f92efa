import { submit, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

const [anna] = [user('Anna')];

/**
 * Found in review, stop 46. README: "A card press there [a 1:1 chat with a colleague] on the
 * Action.Submit fallback answers in the presser's own chat, never in that chat". A press whose verb
 * the app does not (or no longer) know, e.g. on an older card, falls through to registerFallbacks,
 * which posts its error card straight into the conversation (postCard), so the colleague reads it.
 * Must hold: nothing is posted into the chat with the colleague; the presser hears it in their own chat.
 */
describe('an unknown card verb pressed on the Submit fallback in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  const withBram = () => ({ ...t.conversation('personal', '19:anna-bram@unq.gbl.spaces') });

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts nothing into that chat', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(withBram(), anna, { verb: 'verantwoording.retired.verb', text: 'mijn eigen woorden' }, 'card-old-1'));
    expect(res.status).toBe(200);
    await t.app.outbox.drain(30_000);
    const intoColleagueChat = t.connector.calls.slice(before).filter((c) => c.conversationId === '19:anna-bram@unq.gbl.spaces' && c.activity?.type !== 'typing');
    expect(intoColleagueChat.map((c) => `${c.method} ${JSON.stringify(c.activity).slice(0, 120)}`)).toEqual([]);
  });
});
