import { randomUUID } from 'node:crypto';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * ATTACK ("results never change afterwards", tried by a reviewer): two "alle teams" polls can
 * overlap when the set of installed teams changed in between (poll A over Noord; the app is
 * removed from Noord and added to Zuid; poll B "alle teams" is then Zuid only). B closes first: HR reads B's results, with no
 * trend. Then A (opened earlier, same scope) closes. Reading B's results again, B's overall now
 * compares against A: the published, closed results of B changed after the fact (and no longer
 * match what was shown at closing).
 * EXPECTED: a closed poll's results are final; a poll that closes later never alters them. The
 * comparison takes only polls that had closed before this one closed (closedBefore in
 * src/domain/pulse-poll/results.ts), not those opened before it.
 */
describe('a closed poll\'s results stay final when a poll opened before it closes after it', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);
  const hrChat = () => t.conversation('personal', 'a:hanna');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-change-key'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('B\'s results read right after it closed equal B\'s results read after A closed, and A compares with B', async () => {
    await d.install(noord);
    await d.say(HR, noord, 'peiling start alle teams 2026-12-20');
    await d.settle();
    const a = d.pollCard(noord.id);
    for (const m of noord.members.slice(1, 6)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: a.pollId, targetId: a.targetId, ...scores(4) }, a.id, noord);

    // The app is removed from Noord (Teams: the bot in membersRemoved), then added to Zuid.
    const conv = d.channel(noord);
    await t.send({
      id: randomUUID(), type: 'conversationUpdate', channelId: 'msteams', serviceUrl: conv.serviceUrl,
      from: { id: HR.id, aadObjectId: HR.aadObjectId, name: HR.name }, recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: noord.id, conversationType: 'channel', tenantId: conv.tenantId, isGroup: true },
      membersRemoved: [{ id: '28:lerend-werken-bot' }],
      channelData: { tenant: { id: conv.tenantId }, eventType: 'teamMemberRemoved', team: { id: noord.id, name: noord.name } },
    });
    t.clock.set('2026-11-24T08:00:00Z');
    await d.install(zuid);
    await d.say(HR, zuid, 'peiling start alle teams 2026-12-04');
    await d.settle();
    const b = d.pollCard(zuid.id);
    expect(b.pollId).not.toBe(a.pollId);
    for (const m of zuid.members.slice(1, 6)) await d.press(m, d.channel(zuid), 'pulse.answer', { pollId: b.pollId, targetId: b.targetId, ...scores(2) }, b.id, zuid);

    t.clock.set('2026-12-04T23:30:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const first = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId: b.pollId })).value);
    expect(first).toContain('Zorgteam Zuid');
    expect(first).not.toContain('vorige peiling'); // no poll had closed before B

    t.clock.set('2026-12-20T23:30:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const again = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId: b.pollId })).value);
    expect(again).toEqual(first);
    // A, closed after B, is compared with B (the latest poll of its scope closed before it).
    const ofA = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId: a.pollId })).value);
    expect(ofA).toContain('Zorgteam Noord');
    expect(ofA).toContain('75 (t.o.v. vorige peiling +50)');
  }, 120_000);
});
