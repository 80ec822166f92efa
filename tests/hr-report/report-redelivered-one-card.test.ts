import { message } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { startWithMiaAsManager } from '../privacy/support/facilitation';

/**
 * HR types `rapport` in the learning group's chat; Teams, not sure the bot got it, delivers the
 * same message (same activity id) again. The chat gets one card saying the report exists, not a
 * second one under it: the card is posted under a key made of the chat and the message's id, so
 * the second delivery finds it sent. A new `rapport` message (a new id) still gets its own card.
 * Left out in stop 43 (README), closed in stop 44.
 */
describe('a rapport message Teams delivers again', () => {
  let t: TestApp;
  const groupChat = () => t.conversation('groupChat', '19:learning-group@thread.v2');
  const cardsInChat = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === groupChat().id && c.activity?.attachments?.length).length;

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts one card in the chat for one message, however often it arrives', async () => {
    const before = t.connector.calls.length;
    const asked = message(groupChat(), HR, 'rapport 2026-12-01 2026-12-31');
    expect((await t.send(asked)).status).toBe(200);
    expect(cardsInChat(before)).toBe(1);
    expect((await t.send(asked)).status).toBe(200);
    expect(cardsInChat(before)).toBe(1);
    // Asked anew: a card of its own.
    expect((await t.send(message(groupChat(), HR, 'rapport 2026-12-01 2026-12-31'))).status).toBe(200);
    expect(cardsInChat(before)).toBe(2);
  });
});
