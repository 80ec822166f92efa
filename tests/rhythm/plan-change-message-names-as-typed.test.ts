import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A skip or a move is told in the group's chat as a plain-text message that names who did it: Teams
 * reads a message's text as Markdown, so a display name such as "**Anna** [bevestig](https://evil.example)"
 * showed as bold and a link sent by the bot itself. The name is now escaped, as on the cards
 * (tests/cards/typed-names-never-markdown.test.ts): it reads as typed. A README left-out of stop 42.
 */
describe('the chat message of a plan change names its author as typed', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('escapes the Markdown in a display name', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    const odd = { ...MEMBERS[0]!, name: '**Anna** [bevestig](https://evil.example)' };
    const g = new GroupDriver(t, t.conversation('groupChat', '19:plan-name@thread.v2'), [odd, ...MEMBERS.slice(1, 4)]);
    await g.setUp();
    await g.press(odd, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card');
    await t.app.outbox.drain(30_000);
    const texts = t.connector.calls.filter((c) => c.conversationId === g.conv.id && /overgeslagen/.test(String(c.activity.text ?? ''))).map((c) => c.activity.text as string);
    expect(texts).toEqual(['\\*\\*Anna\\*\\* \\[bevestig\\](https://evil.example) heeft week 2 overgeslagen. Week 2 is nu ma 7 dec – do 10 dec. De weken erna schuiven mee.']);
  });
});
