import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A week moved away and then back to its original day. Rhythm jobs get ids made from the slot and
 * its time; the move cancels the old jobs, and moving back schedules jobs with the same ids as the
 * cancelled ones. Those must be pending again: the card says the week starts by itself, so the
 * reminder comes and the session opens.
 */
describe('a week moved away and back still starts by itself', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const chatId = () => g.conv.id;
  const textsInChat = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === chatId() && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const sessionCardsPosted = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === chatId() && c.activity.attachments?.[0]?.content?.refresh);
  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z'); // Thursday 13:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterAll(() => t.stop());

  it('moves week 1 to Tuesday and back to Monday; on Monday the reminder comes and session 1 opens', async () => {
    const there = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 1, from: '2026-11-23', start: '2026-11-24' }, 'cycle-card');
    expect(cardText(there.value)).toContain('Week 1\ndi 24 nov – vr 27 nov');
    const back = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 1, from: '2026-11-24', start: '2026-11-23' }, 'cycle-card');
    expect(cardText(back.value)).toContain('Week 1\nma 23 nov – do 26 nov');
    await t.app.outbox.drain(30_000);

    const before = t.connector.calls.length;
    await at('2026-11-23T07:45:00Z');
    expect(textsInChat(before)).toEqual(['Over 15 minuten begint sessie 1 van week 1 (om 09:00). Tot zo!']);
    await at('2026-11-23T08:00:00Z');
    expect(sessionCardsPosted(before)).toHaveLength(1);
  });
});
