import { botAdded, membersRemoved } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * An English group: the app is removed from the chat and added back. It greeted the chat with
 * the Dutch first-time welcome and its "Groep instellen", as if the group (kept, paused, resumed)
 * did not exist: a mixed-language chat and an invitation to start over. The greeting is now in
 * the group's language and says the group goes on. Found in review, stop 38.
 */
describe('the app added back to the chat of an English group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('greets the group in English, not in Dutch', async () => {
    const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:readded-english@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: BOT.id }]))).status).toBe(200);
    expect((await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource.pausedAt).toBeDefined();
    const before = t.connector.calls.length;
    expect((await t.send(botAdded(g.conv, anna))).status).toBe(200);
    const cards = t.connector.calls.slice(before).map((c) => c.activity?.attachments?.[0]?.content).filter(Boolean);
    expect(cards.flatMap((card) => cardProblems(card))).toEqual([]);
    const posted = cards.map((card) => cardText(card)).join('\n');
    expect(posted).not.toContain('Welkom bij Lerend Werken');
    expect(posted).not.toContain('Set up the group');
    expect(posted).toContain('Lerend Werken is back in this chat');
    expect(posted).toContain('Team Zorg goes on where it was');
  });
});
