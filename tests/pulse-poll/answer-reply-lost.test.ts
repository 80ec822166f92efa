import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Problem: "an error card means nothing was stored" must hold when the network fails. An answer's
 * write to the tally can reach Cosmos DB and be stored while its reply is lost on the way back
 * (a dropped connection). The member must not be told it failed: they would answer again and be
 * told "al ingevuld", or give up believing their answer is lost. The answer counts exactly once.
 * A write lost before it reached the database stored nothing: then the error card is right, and
 * answering again is taken.
 */
describe('a poll answer whose write reply was lost', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'reply-lost'.padEnd(40, 'l'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('tells the member an answer that was stored is stored, and counts it once', async () => {
    const who = noord.members[2]!;
    const poll = d.pollCard(noord.id);
    let dropped = 0;
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' && dropped++ === 0 ? { kind: 'dropAfter' } : undefined);
    const reply = await d.press(who, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(2) }, poll.id, noord);
    t.proxy!.faults = undefined;
    const stored = await tally(poll.pollId);
    expect({ dropped: dropped > 0, count: stored.teams[poll.targetId].count }).toEqual({ dropped: true, count: 1 });
    const text = cardText(reply.value);
    expect({ errorCard: text.includes('Dat lukte niet'), stored: text.includes('anoniem opgeslagen'), already: text.includes('al ingevuld') }).toEqual({ errorCard: false, stored: true, already: false });
  }, 60_000);

  it('shows the error card for a write that never arrived, and takes the answer sent again', async () => {
    const who = noord.members[3]!;
    const poll = d.pollCard(noord.id);
    const answer = { pollId: poll.pollId, targetId: poll.targetId, ...scores(4) };
    const before = await tally(poll.pollId);
    let dropped = 0;
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' && dropped++ === 0 ? { kind: 'dropBefore' } : undefined);
    const failed = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    t.proxy!.faults = undefined;
    expect({ dropped: dropped > 0, errorCard: cardText(failed.value).includes('Dat lukte niet'), count: (await tally(poll.pollId)).teams[poll.targetId].count }).toEqual({
      dropped: true,
      errorCard: true,
      count: before.teams[poll.targetId].count,
    });
    const again = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    expect({ stored: cardText(again.value).includes('anoniem opgeslagen'), count: (await tally(poll.pollId)).teams[poll.targetId].count }).toEqual({
      stored: true,
      count: before.teams[poll.targetId].count + 1,
    });
  }, 60_000);
});
