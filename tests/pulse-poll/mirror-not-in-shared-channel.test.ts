import { cardText } from '../support/group-driver';
import { execute, TestUser, user } from '../support/activities';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 43. Zorgteam Noord hosts a shared channel "Ketenoverleg": Teams sends its
 * activities with channelData.team = Noord and channelData.channel.type = "shared" (the field
 * botframework-schema's ChannelInfo documents: standard, shared or private). Its group has three of
 * Noord's people and Xena, a direct member of the shared channel from a partner organisation. The
 * setup stored Noord as the group's team, so when Noord's B3 poll closed, the shared channel's
 * session card told the whole group "De B3-spiegel van jullie team is terug ... staat in het
 * teamkanaal" with Noord's name: people outside the team learnt of its mirror and were pointed to
 * results they cannot see.
 *
 * What must hold: a group set up in a shared (or private) channel is not one of the team's own
 * channels; the team's mirror does not reach its session cards.
 */
describe("a team's mirror and the group in a shared channel it hosts", () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)], ['Vitale Weekcyclus']);
  const SHARED = '19:noord-ketenoverleg@thread.tacv2';
  const xena = user('Xena');

  /** A press in the shared channel, as Teams sends it there. */
  function inShared(who: TestUser, verb: string, data: Record<string, unknown>, replyToId: string) {
    const conv = t.conversation('channel', SHARED);
    const activity = execute(conv, who, verb, data, replyToId);
    return t.send({ ...activity, channelData: { tenant: { id: conv.tenantId }, team: { id: noord.id }, channel: { id: SHARED, type: 'shared', name: 'Ketenoverleg' } } });
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'mirror-shared-key'.padEnd(40, 'm'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
  }, 120_000);
  afterAll(() => t.stop());

  it("does not point the shared channel's group, with members from outside the team, to the team's mirror", async () => {
    const own = noord.members.slice(1, 4);
    const setup = await inShared(own[0]!, 'group.setup.save', {
      name: 'Ketenoverleg', members: own.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20',
    }, 'setup-card');
    const groupId = setup.body.value.actions[0].data.groupId as string;
    // Xena (not in Noord) starts the week on the group's card: she joins the group.
    expect((await inShared(xena, 'cycle.start', { groupId, week: 1 }, 'cycle-card')).status).toBe(200);
    const doc = (await t.store.container('sessions').item(groupId, groupId).read()).resource as { members: { id: string }[] };
    expect(doc.members.map((m) => m.id)).toContain(xena.aadObjectId);

    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04 kanaal Vitale Weekcyclus');
    await d.settle();
    const channel = noord.channels[0]!.id;
    const poll = d.pollCard(channel);
    for (const m of noord.members.slice(1, 6)) await d.press(m, d.channel(noord, channel), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(4) }, poll.id, noord);
    t.clock.set('2026-12-04T23:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();

    t.clock.set('2026-12-07T08:00:00Z'); // Monday 09:00
    const before = t.connector.calls.length;
    expect((await inShared(xena, 'session.start', { groupId }, 'cycle-card')).status).toBe(200);
    const posted = t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId === SHARED && c.activity.attachments?.[0]?.content?.refresh);
    expect(posted).toBeDefined();
    expect(cardText(posted!.activity.attachments[0].content)).not.toMatch(/B3-spiegel van jullie team is terug|Zorgteam Noord staat in het teamkanaal/);
  }, 180_000);
});
