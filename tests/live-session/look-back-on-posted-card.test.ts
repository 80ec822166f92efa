/**
 * "The next cycle opens by asking what became of the last first step." The card posted when week
 * 2's first session opens is the first look everyone gets (and all that members outside the
 * refresh list, or clients that do not refresh, ever see): it asks the question, as a member's own
 * refreshed view does. It was rendered from the week's state without last week's proposal.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the look back on last week\'s first step, on the card posted when the week opens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts week 2\'s first session card with the look back', async () => {
    const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await g.end(anna);
    await g.startCycle(2);
    await g.startSession(anna, `${g.groupId}_w2`);
    const refreshed = cardText((await g.press(bram, 'session.refresh', g.ids())).value);
    expect(refreshed).toContain('Tafel neerzetten'); // the look back exists in the member's view
    expect(cardText(g.sharedCard())).toContain('Tafel neerzetten'); // the shared card as it stands now
    const posted = t.connector.calls.find((c) => c.method === 'POST' && c.id === g.sessionMessageId)!;
    expect(cardText(posted.activity.attachments[0].content)).toContain('Tafel neerzetten');
  });
});
