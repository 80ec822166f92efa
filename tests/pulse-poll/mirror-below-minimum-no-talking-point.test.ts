import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { TestUser } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 43 (the team's B3 mirror in its groups' sessions). Only two of Zorgteam
 * Noord's people answered (minimum 5): the team's channel got "te weinig reacties, geen cijfers".
 * Yet the team's group's next session card said "De uitkomst van de B3-spiegel ... staat in het
 * teamkanaal" and asked what they recognised in it. A team below the minimum has no results to talk
 * about: its groups get no talking point.
 */
describe('a team below the minimum and its groups\' next session', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)], ['Vitale Weekcyclus']);
  const weekcyclus = noord.channels[0]!.id;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'mirror-below-min-key'.padEnd(40, 'm'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
  }, 120_000);
  afterAll(() => t.stop());

  it('does not tell the group that results are in the channel when the channel got none', async () => {
    const people: TestUser[] = noord.members.slice(1, 4);
    t.connector.roster = people;
    const setup = await d.press(people[0]!, d.channel(noord, weekcyclus), 'group.setup.save', {
      name: 'Groep A', members: people.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20',
    }, 'setup-card', noord);
    const groupId = setup.value.actions[0].data.groupId as string;

    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04 kanaal Vitale Weekcyclus');
    await d.settle();
    const poll = d.pollCard(weekcyclus);
    for (const m of people.slice(0, 2)) await d.press(m, d.channel(noord, weekcyclus), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(2) }, poll.id, noord);
    t.clock.set('2026-12-04T23:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();

    // The channel got the mirror without figures.
    const mirrorInChannel = t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === weekcyclus).map((c) => cardText(c.activity.attachments?.[0]?.content ?? {})).join('\n');
    expect(mirrorInChannel).toMatch(/te weinig/i);

    t.clock.set('2026-12-07T08:00:00Z'); // Monday 09:00
    await d.press(people[0]!, d.channel(noord, weekcyclus), 'cycle.start', { groupId, week: 1 }, 'cycle-card', noord);
    const before = t.connector.calls.length;
    await d.press(people[0]!, d.channel(noord, weekcyclus), 'session.start', { groupId }, 'cycle-card', noord);
    const posted = t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId === weekcyclus && c.activity.attachments?.[0]?.content?.refresh);
    expect(posted).toBeDefined();
    const text = cardText(posted!.activity.attachments[0].content);
    expect(text).not.toMatch(/staat in het teamkanaal/);
  }, 180_000);
});
