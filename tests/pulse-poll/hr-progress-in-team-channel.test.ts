import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 41. An "alle teams" poll is open for Noord and Zuid; one Zuid member has
 * answered. HR types `peiling resultaten` (or `peiling status`) in Noord's channel. The answer is
 * posted openly there, and it was HR's all-teams progress: every team's response (and the whole
 * poll's delivery counts) for every Noord member to read, while a member may learn only their own
 * team's response (README, B3-spiegel, who can learn what). What must hold: whatever is posted in
 * Noord's channel (the card as posted: every member reads its body) names no other team and shows
 * no all-teams count, with a note where HR finds every team; HR's personal chat still shows
 * every team. Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('HR asks for progress in one team\'s channel during an all-teams poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const hrChat = () => t.conversation('personal', 'a:hanna-personal');
  /** What anyone in the conversation reads: the body of every card posted there since `before`. */
  const postedIn = (conversationId: string, before: number) => {
    const cards = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.activity?.attachments?.length);
    return { count: cards.length, text: cards.map((c) => cardText(c.activity.attachments[0].content)).join('\n') };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'hr-progress-channel-'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(zuid);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await d.answerOnCard(zuid, zuid.members[0]!);
  }, 60_000);
  afterAll(() => t.stop());

  it.each(['peiling resultaten', 'peiling status'])('"%s": what Noord\'s channel can read names no other team', async (command) => {
    const before = t.connector.calls.length;
    await d.say(HR, noord, command);
    await d.settle();
    const seen = postedIn(noord.id, before);
    expect(seen.count).toBeGreaterThan(0);
    expect({ showsZuid: seen.text.includes('Zorgteam Zuid'), allTeams: seen.text.includes('Alle teams samen'), delivery: seen.text.includes('Bezorging'), text: seen.text }).toEqual({
      showsZuid: false,
      allTeams: false,
      delivery: false,
      text: expect.stringContaining('Zorgteam Noord'),
    });
    expect(seen.text).toContain("'peiling status' in de persoonlijke chat");
  });

  it('HR still sees every team in their personal chat', async () => {
    const before = t.connector.calls.length;
    await t.send(message(hrChat(), HR, 'peiling status'));
    await d.settle();
    const seen = postedIn('a:hanna-personal', before);
    expect({ noord: seen.text.includes('Zorgteam Noord'), zuid: seen.text.includes('Zorgteam Zuid'), zuidResponse: seen.text.includes('1 van 4'), delivery: seen.text.includes('Bezorging') }).toEqual({ noord: true, zuid: true, zuidResponse: true, delivery: true });
  });
});
