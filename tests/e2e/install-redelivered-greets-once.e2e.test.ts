import { botAdded, membersRemoved } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * Found in review, stop 40. The app is removed from a group's chat and added back; Teams
 * delivers the install's conversationUpdate twice (the same activity: the first answer came
 * late). The pause, the resume and the roster check were idempotent, but the greeting was posted
 * once per delivery: two "Lerend Werken is back" cards in the chat, and in a brand-new chat two
 * welcomes with "Groep instellen". What must hold: one greeting per install, however often Teams
 * delivers it; a second install (another activity) greets again.
 */
describe('Teams delivers the app\'s install in a chat twice', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const greetings = (from: number) =>
    t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.activity?.attachments?.[0]?.content).map((c) => cardText(c.activity.attachments[0].content));

  it('greets a group that was added back once, not once per delivery', async () => {
    const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:readded-twice@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: BOT.id }]))).status).toBe(200);
    const before = t.connector.calls.length;
    const added = botAdded(g.conv, anna);
    expect((await t.send(added)).status).toBe(200);
    expect((await t.send(added)).status).toBe(200);
    const back = greetings(before).filter((text) => text.includes('Lerend Werken is back in this chat'));
    expect(back).toHaveLength(1);
    expect(greetings(before)).toHaveLength(1);
  });

  it('welcomes a new chat once per install, not once per delivery', async () => {
    const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:welcome-twice@thread.v2'), [anna, bram, cem]);
    const before = t.connector.calls.length;
    const added = botAdded(g.conv, anna);
    expect((await t.send(added)).status).toBe(200);
    expect((await t.send(added)).status).toBe(200);
    expect(greetings(before)).toHaveLength(1);
    expect(greetings(before)[0]).toContain('Welkom bij Lerend Werken');
    // Removed and added again: a new install, a new greeting.
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: BOT.id }]))).status).toBe(200);
    expect((await t.send(botAdded(g.conv, anna))).status).toBe(200);
    expect(greetings(before)).toHaveLength(2);
  });
});
