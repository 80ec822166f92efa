import { cardText, GroupDriver } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { TestUser } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * DOMAIN.md: "After closing, each team gets its own team's results in its channel, to talk about
 * in its next session." The results card went to the channel, but the team's Vitale Weekcyclus
 * groups' sessions said nothing of it. Now, when a poll closes, each group set up in one of the
 * team's channels notes the team's mirror, and its session cards in the three weeks after point to
 * it as a talking point: no figures (they are in the channel) and no button. A group chat is not a
 * channel of the team, and another team's groups hear nothing. Stop 43.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam; minimum 5.
 */
describe("a team's B3 mirror in its groups' next sessions", () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)], ['Vitale Weekcyclus', 'Overleg']);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4), ['Weekcyclus Zuid']);
  const [weekcyclus, overleg] = [noord.channels[0]!.id, noord.channels[1]!.id];
  const MIRROR = /De B3-spiegel van jullie team is terug/;

  /** A group set up in a team's channel by its first three members, as Teams sends it (with the team). */
  async function setUpInChannel(x: TestTeam, channelId: string, people: TestUser[], name: string): Promise<string> {
    t.connector.roster = people;
    const res = await d.press(people[0]!, d.channel(x, channelId), 'group.setup.save', {
      name, members: people.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20',
    }, 'setup-card', x);
    return res.value.actions[0].data.groupId as string;
  }
  /** Starts the group's week (if not started) and its next session; the session card posted. */
  async function sessionCard(x: TestTeam, channelId: string, who: TestUser, groupId: string, week = 1) {
    await d.press(who, d.channel(x, channelId), 'cycle.start', { groupId, week }, 'cycle-card', x);
    const before = t.connector.calls.length;
    await d.press(who, d.channel(x, channelId), 'session.start', { groupId }, 'cycle-card', x);
    const posted = t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId === channelId && c.activity.attachments?.[0]?.content?.refresh);
    if (!posted) throw new Error('no session card posted');
    return posted.activity.attachments[0].content;
  }
  const groupDoc = async (groupId: string) => (await t.store.container('sessions').item(groupId, groupId).read()).resource;

  let inPollChannel = '';
  let inOtherChannel = '';
  let inOtherTeam = '';
  let chat: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'mirror-session-key'.padEnd(40, 'm'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
    const people = noord.members.slice(1);
    inPollChannel = await setUpInChannel(noord, weekcyclus, people.slice(0, 3), 'Groep A');
    inOtherChannel = await setUpInChannel(noord, overleg, people.slice(3, 6), 'Groep B');
    inOtherTeam = await setUpInChannel(zuid, zuid.channels[0]!.id, zuid.members.slice(0, 3), 'Groep Zuid');
    // Three of Noord's people also meet in a group chat: not a channel of the team.
    chat = new GroupDriver(t, t.conversation('groupChat', '19:noord-chat@thread.v2'), people.slice(0, 3));
    await chat.setUp();

    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04 kanaal Vitale Weekcyclus');
    await d.settle();
    const card = d.pollCard(weekcyclus);
    for (const m of people.slice(0, 5)) await d.press(m, d.channel(noord, weekcyclus), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4) }, card.id, noord);
    t.clock.set('2026-12-04T23:00:00Z'); // the closing date passed: the scheduler closes it
    await t.app.scheduler.runDue();
    await d.settle();
  }, 180_000);
  afterAll(() => t.stop());

  it("notes the team's mirror on the groups in all of the team's channels, and on no other group", async () => {
    for (const id of [inPollChannel, inOtherChannel]) {
      expect((await groupDoc(id)).teamMirror).toEqual({ pollId: expect.any(String), teamName: noord.name, closedAt: expect.any(String) });
    }
    expect((await groupDoc(inOtherTeam)).teamMirror).toBeUndefined();
    expect((await groupDoc(chat.groupId)).teamMirror).toBeUndefined();
  });

  it('the next session points to it as a talking point, the team name as plain text, no figures', async () => {
    t.clock.set('2026-12-07T08:00:00Z'); // Monday 09:00
    const card = await sessionCard(noord, weekcyclus, noord.members[1]!, inPollChannel);
    const text = cardText(card);
    expect(text).toMatch(MIRROR);
    expect(JSON.stringify(card)).toContain(JSON.stringify({ type: 'TextRun', text: `De uitkomst van de B3-spiegel van ${noord.name} staat in het teamkanaal.` }).slice(1, -2));
    expect(text).not.toMatch(/Boeien\n\d|\d+ van \d+/);
  });

  it("a group chat of the team's people shows nothing of it", async () => {
    await chat.startCycle();
    await chat.startSession();
    expect(cardText(chat.sharedCard() ?? {})).not.toMatch(MIRROR);
  });

  it('three weeks after the close, a session no longer shows it', async () => {
    t.clock.set('2026-12-28T08:00:00Z'); // Monday 09:00, 23 days after the close
    const card = await sessionCard(noord, overleg, noord.members[4]!, inOtherChannel);
    expect(cardText(card)).not.toMatch(MIRROR);
  });

  it('a poll closing again (a run cut short) notes nothing new', async () => {
    const before = await groupDoc(inPollChannel);
    const poll = (await t.cosmos.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources[0];
    const { announcedAt: _noted, ...unnoted } = poll;
    await t.cosmos.container('polls').item(poll.id, poll.pollId).replace(unnoted);
    await t.app.scheduler.schedule({ id: `pulse.close:${poll.id}:again`, kind: 'pulse.close', dueAt: t.clock.now().toISOString(), payload: { pollId: poll.id } });
    await t.app.scheduler.runDue();
    await d.settle();
    expect((await groupDoc(inPollChannel)).teamMirror).toEqual(before.teamMirror);
  });
});

