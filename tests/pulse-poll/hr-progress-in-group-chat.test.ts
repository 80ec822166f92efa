import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 41 (left over from the fix for a team's channel). An "alle teams" poll is
 * open for Noord and Zuid; one Zuid member has answered. HR types `peiling status` (or
 * `peiling resultaten`) in a group chat, which is no team's channel: people of any team read along
 * there. The answer was posted openly: every team's response, and the poll's delivery, for all in
 * that chat to read. What must hold: nothing of any team's figures is posted in the group chat,
 * which hears only where HR finds it; HR gets the overview in their personal chat.
 */
describe('HR asks for progress in a group chat during an all-teams poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const groupChat = () => t.conversation('groupChat', '19:hr-and-friends@thread.v2');
  const postedIn = (conversationId: string | undefined, before: number) => t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === conversationId);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'hr-progress-groupchat'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(zuid);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await d.answerOnCard(zuid, zuid.members[0]!);
  }, 60_000);
  afterAll(() => t.stop());

  it.each(['peiling status', 'peiling resultaten'])('"%s": the group chat reads no team\'s figures; HR gets them in their personal chat', async (command) => {
    const before = t.connector.calls.length;
    await t.send(message(groupChat(), HR, command));
    await d.settle();
    await t.app.outbox.drain(60_000);
    const inGroup = postedIn(groupChat().id, before);
    expect(inGroup.filter((c) => c.activity?.attachments?.length)).toEqual([]);
    expect(inGroup.map((c) => c.activity.text)).toEqual([expect.stringContaining('persoonlijke chat')]);
    const toHr = postedIn(t.connector.personalChats.get(HR.id), before).filter((c) => c.activity?.attachments?.length);
    expect(toHr).toHaveLength(1);
    const text = cardText(toHr[0]!.activity.attachments[0].content);
    expect({ noord: text.includes('Zorgteam Noord'), zuid: text.includes('Zorgteam Zuid'), zuidResponse: text.includes('1 van 4') }).toEqual({ noord: true, zuid: true, zuidResponse: true });
  });
});
