import { message, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. A Dutch group has its day-1 session open. Cem types "taal en": the
 * bot answered "The language is now English" and a member who refreshed got their view in
 * English, but the shared session card in the chat (what every client shows until it refreshes,
 * the only view on the Action.Submit fallback, and what people outside the refresh list see)
 * stayed Dutch until the group's next step: one chat in two languages at once. What must hold:
 * once the command is answered, the open session's shared card is in English too.
 */
describe('language switched from nl to en while a session is open', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('the open session\'s shared card follows to English', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:lang-mid-session@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('nl');
    await g.startCycle();
    await g.startSession();
    expect(cardText(g.sharedCard())).toContain('Nog 60 minuten');
    expect((await t.send(message(g.conv, cem, 'taal en'))).status).toBe(200);
    // The command's turn redraws the card before it ends.
    const shared = cardText(g.sharedCard());
    expect(shared).not.toContain('Nog 60 minuten');
    expect(shared).toContain('60 minutes left');
    // A member's own view is English as well.
    const view = await g.press(bram, 'session.refresh', { ...g.ids(), k: 'refresh-after-language' });
    expect(cardText(view.value)).toContain('60 minutes left');
  });
});
