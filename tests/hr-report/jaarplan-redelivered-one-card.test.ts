import { message } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 45. HR types `jaarplan` in a channel; Teams, not sure the bot got it,
 * delivers the same message (same activity id) again. The channel gets one card saying HR opened
 * the form, not a second one under it: as for `rapport`, the card is posted under a key made of
 * the conversation and the message's id, so the second delivery finds it sent. A new `jaarplan`
 * message (a new id) still gets its own card.
 */
describe('a jaarplan message Teams delivers again', () => {
  let t: TestApp;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');
  const cardsInChannel = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === channel().id && c.activity?.attachments?.length).length;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts one card in the channel for one message, however often it arrives', async () => {
    const before = t.connector.calls.length;
    const asked = message(channel(), HR, 'jaarplan');
    expect((await t.send(asked)).status).toBe(200);
    expect(cardsInChannel(before)).toBe(1);
    expect((await t.send(asked)).status).toBe(200);
    expect(cardsInChannel(before)).toBe(1);
    // Asked anew: a card of its own.
    expect((await t.send(message(channel(), HR, 'jaarplan'))).status).toBe(200);
    expect(cardsInChannel(before)).toBe(2);
  });
});
