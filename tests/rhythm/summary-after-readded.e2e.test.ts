import { botAdded } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * A README left-out of stop 40. A group's session is open when the app is removed from its chat.
 * The session's time box closes it, and its summary goes to the chat: Teams refuses it for good
 * (403), and the outbox gives it up. When the app is added back the group went on, but the summary
 * of that session never came: the group's record of the day was missing from its chat.
 *
 * What must hold: once the app is back, the summary Teams refused is posted, once (Teams delivering
 * the install again posts nothing twice); a summary that did reach the chat is not posted again.
 */
describe('a session summary refused while the app was out of the chat', () => {
  let t: TestApp;
  let g: GroupDriver;
  const appRemoved = () => ({ ...botAdded(g.conv, MEMBERS[0]!), membersAdded: undefined, membersRemoved: [BOT] });
  const summariesInChat = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).map((c) => cardText(c.card)).filter((text) => text.startsWith('Samenvatting'));

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('is posted once when the app is added back', async () => {
    expect((await t.send(appRemoved())).status).toBe(200);
    // Teams refuses the app's messages in a chat it was removed from.
    const refuse = (req: { conversationId?: string }) => (req.conversationId?.startsWith(g.conv.id) ? { status: 403, code: 'BotNotInConversationRoster' } : undefined);
    t.connector.faults.push(refuse);
    // The time box closes the session; its summary is refused for good.
    for (const at of ['2026-11-23T08:50:00Z', '2026-11-23T09:05:00Z']) {
      t.clock.set(at);
      await t.app.scheduler.runDue();
      await t.app.background.idle();
    }
    await t.app.outbox.drain(60_000);
    const session = (await t.store.container('sessions').item(g.sessionId, g.groupId).read()).resource;
    expect(session.status).toBe('closed');
    expect(summariesInChat()).toEqual([]);

    t.connector.faults.splice(t.connector.faults.indexOf(refuse), 1);
    const install = botAdded(g.conv, MEMBERS[0]!);
    expect((await t.send(install)).status).toBe(200);
    await t.app.outbox.drain(60_000);
    expect(summariesInChat()).toHaveLength(1);
    expect(summariesInChat()[0]).toContain('week 1, dag 1');

    // Teams delivers the install again: nothing more.
    expect((await t.send(install)).status).toBe(200);
    await t.app.outbox.drain(60_000);
    expect(summariesInChat()).toHaveLength(1);
  });
});
