import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 41. Noord and Zuid each have their own poll open, Zuid's started last. HR
 * types `peiling status` in Noord's channel. `sluiten` and `resultaten` there are about Noord's
 * poll; `status` took the tenant's latest poll instead and posted Zuid's progress openly in
 * Noord's channel, for every Noord member to read. What must hold (README: "Without a name, in a
 * team's channel they are about that team's poll, for HR too"): the status card in Noord's channel
 * is Noord's and names no other team; HR's personal chat still answers with the latest poll.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('"peiling status" typed by HR in a team channel', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 6));
  const hrChat = () => t.conversation('personal', 'a:hanna-personal');
  /** The text of the cards posted in a conversation since `before`. */
  const postedIn = (conversationId: string, before: number) =>
    t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.activity?.attachments?.length)
      .map((c) => cardText(c.activity.attachments[0].content))
      .join('\n');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'status-in-channel-'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
    t.clock.set('2026-11-23T08:05:00Z');
    await t.send(message(hrChat(), HR, 'peiling start Zorgteam Noord 2026-12-04'));
    await d.settle();
    t.clock.set('2026-11-23T08:06:00Z');
    await t.send(message(hrChat(), HR, 'peiling start Zorgteam Zuid 2026-12-04'));
    await d.settle();
    // One Zuid member answered: Zuid's response is "1 van 6".
    await d.answerOnCard(zuid, zuid.members[0]!);
  }, 60_000);
  afterAll(() => t.stop());

  it('shows Noord\'s poll in Noord\'s channel, and nothing of Zuid\'s', async () => {
    const before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling status');
    await d.settle();
    const posted = postedIn(noord.id, before);
    expect(posted).toContain('Voortgang B3-spiegel');
    expect({ namesNoord: posted.includes('Zorgteam Noord'), namesZuid: posted.includes('Zorgteam Zuid'), zuidResponse: posted.includes('1 van 6') }).toEqual({ namesNoord: true, namesZuid: false, zuidResponse: false });
    // Noord's poll is Noord's alone: its delivery is Noord's, and stays on the card.
    expect(posted).toContain('Bezorging');
  });

  it('in HR\'s personal chat, without a name, still the latest poll (Zuid\'s)', async () => {
    const before = t.connector.calls.length;
    await t.send(message(hrChat(), HR, 'peiling status'));
    await d.settle();
    const posted = postedIn('a:hanna-personal', before);
    expect({ namesZuid: posted.includes('Zorgteam Zuid'), response: posted.includes('1 van 6') }).toEqual({ namesZuid: true, response: true });
  });
});
