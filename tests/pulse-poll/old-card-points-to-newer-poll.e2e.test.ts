import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR closed a team's B3-spiegel and started the next one. A member who answered on the first
 * poll's card, still in the channel, was told that nothing was stored because the poll had
 * closed, and nothing more: the poll they could answer went unmentioned. The closed card now
 * says that a newer one is open, and where to find it. Left out in stop 38's review.
 */
describe('an answer on the card of a poll that a newer one followed', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord-newer', [HR, ...members('noord-newer', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid-newer', members('zuid-newer', 6));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'newer-poll'.padEnd(40, 'n'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
  }, 60_000);
  afterAll(() => t.stop());

  it('says a newer poll is open, on the closed card of the old one', async () => {
    await d.say(HR, noord, 'peiling start dit team 2026-12-04');
    await d.settle();
    const first = d.pollCard(noord.id);
    await d.say(HR, noord, 'peiling sluiten Zorgteam Noord');
    await d.settle();
    // Before a newer one: only that it closed.
    const member = noord.members[2]!;
    const before = cardText((await d.press(member, d.channel(noord), 'pulse.answer', { pollId: first.pollId, targetId: first.targetId, ...scores(4) }, first.id, noord)).value);
    expect(before).toContain('Deze peiling is gesloten');
    expect(before).not.toContain('nieuwere B3-spiegel');

    await d.say(HR, noord, 'peiling start dit team 2026-12-11');
    await d.settle();
    expect(d.pollCard(noord.id).pollId).not.toBe(first.pollId);
    const answered = (await d.press(member, d.channel(noord), 'pulse.answer', { pollId: first.pollId, targetId: first.targetId, ...scores(4) }, first.id, noord)).value;
    const viewed = (await d.press(member, d.channel(noord), 'pulse.view', { pollId: first.pollId, targetId: first.targetId }, first.id, noord)).value;
    expect([...cardProblems(answered), ...cardProblems(viewed)]).toEqual([]);
    for (const text of [cardText(answered), cardText(viewed)]) {
      expect(text).toContain('Deze peiling is gesloten');
      expect(text).toContain('Er loopt nu een nieuwere B3-spiegel voor Zorgteam Noord');
    }
    // Card data naming Noord's target, pressed in Zuid's channel, tells nothing of Noord's polls
    // (found in review of this change).
    const elsewhere = (await d.press(zuid.members[0]!, d.channel(zuid), 'pulse.view', { pollId: first.pollId, targetId: first.targetId }, first.id, zuid)).value;
    expect(cardText(elsewhere)).not.toContain('nieuwere B3-spiegel');
  }, 120_000);
});
