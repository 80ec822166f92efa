import { submit } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the Action.Submit fallback', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('stores a contribution sent by a classic Submit and updates the shared card in place, without private data', async () => {
    await g.checkIn(MEMBERS[0]!, 5);
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, MEMBERS[1]!, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: 'Via de klassieke knop' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    const update = t.connector.calls.slice(before).find((c) => c.method === 'PUT');
    expect(update?.id).toBe(g.sessionMessageId);
    const shared = cardText(update!.activity.attachments[0].content);
    expect(shared).toContain('Via de klassieke knop');
    expect(shared).not.toContain('Jouw energie');
    expect((await g.items('contribution')).map((c) => c.authorName)).toEqual(['Bram']);
  });

  it('posts nothing into the group chat when an input is refused on the fallback: a refused form may hold what only its author should see', async () => {
    const before = t.connector.calls.length;
    const tooLong = 'Privé tekst van Cem. '.repeat(400);
    const res = await t.send(submit(g.conv, MEMBERS[2]!, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: tooLong }, g.sessionMessageId));
    expect(res.status).toBe(200);
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST' || c.method === 'PUT');
    expect(posted.map((c) => JSON.stringify(c.activity)).filter((a) => a.includes('Privé tekst van Cem'))).toEqual([]);
    expect(posted.filter((c) => c.method === 'POST')).toEqual([]);
    // Not a dead end: Cem gets the refused form back, with what he typed, in his own chat with the bot.
    await t.app.outbox.drain(30_000);
    const own = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && String(c.conversationId).includes('29:cem'));
    expect(own.map((c) => JSON.stringify(c.activity)).some((a) => a.includes('Privé tekst van Cem'))).toBe(true);
  });
});

describe('a group that works in English', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
  });
  afterAll(() => t.stop());

  it('gets every card in English, from the language files', async () => {
    expect(cardText((await g.setUp('en')).value)).toContain('Team Zorg is ready to begin');
    expect(cardText((await g.startCycle()).value)).toContain('Choose and explore');
    await g.startSession();
    const card = cardText(g.sharedCard());
    expect(card).toContain('60 minutes left');
    expect(card).toContain('Question 1 · Which work situation do we take on?');
    const mine = cardText((await g.checkIn(MEMBERS[0]!, 3)).value);
    expect(mine).toContain('Your energy at the start: 3 (visible to you only).');
    const refused = cardText((await g.contribute(MEMBERS[0]!, 1, ' ')).value);
    expect(refused).toContain('Not saved yet: see the note next to the field.');
    expect(refused).toContain('This field cannot be empty.');
    await g.end();
    expect(cardText(t.connector.cards((c) => c.method === 'POST').at(-1)!.card)).toContain('Next session: day 2, Problem and ideas.');
  });
});
