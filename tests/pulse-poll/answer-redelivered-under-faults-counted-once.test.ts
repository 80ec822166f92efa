// A guard (held when written, in review of stop 56).

import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * one B3 answer press that Teams delivers twice at the same moment, while
 * the store drops the first write's reply after applying it, or refuses every write (503), and
 * two members at once under the same faults. Promise: each person counted once in the anonymous
 * tally; an error card only when nothing was stored; pressing again after it stores once.
 */
const STORED = 'anoniem opgeslagen';
const ERROR_TITLE = 'Dat lukte niet';

describe('a B3 answer delivered twice at once, under faults', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 8)]);
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-redelivery'.padEnd(40, 'r'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  const pressBy = (who: TestTeam['members'][number], score: number) => {
    const poll = d.pollCard(noord.id);
    return d.press(who, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(score) }, poll.id, noord);
  };

  it('the same press twice at once, the first write applied but its reply lost: counted once, neither delivery told it failed', async () => {
    const poll = d.pollCard(noord.id);
    const before = (await tally(poll.pollId)).teams[poll.targetId].count;
    let dropped = 0;
    const who = noord.members[1]!;
    const replies = await t.proxy!.withFaults(
      (r) => (r.kind === 'replace' && r.container === 'pollAnswers' && dropped++ === 0 ? { kind: 'dropAfter' } : undefined),
      () => Promise.all([pressBy(who, 2), pressBy(who, 2)]),
    );
    const stored = await tally(poll.pollId);
    expect({ dropped: dropped > 0, added: stored.teams[poll.targetId].count - before, errors: replies.filter((r) => cardText(r.value).includes(ERROR_TITLE)).length }).toEqual({ dropped: true, added: 1, errors: 0 });
  }, 60_000);

  it('two members and one member twice, all at once, while every tally write is refused: error cards, nothing stored; pressing again counts each once', async () => {
    const poll = d.pollCard(noord.id);
    const before = await tally(poll.pollId);
    const [a, b] = [noord.members[2]!, noord.members[3]!];
    const failed = await t.proxy!.withFaults(
      (r) => (r.kind === 'replace' && r.container === 'pollAnswers' ? { kind: 'status', status: 503 } : undefined),
      () => Promise.all([pressBy(a, 5), pressBy(a, 5), pressBy(b, 1)]),
    );
    const during = await tally(poll.pollId);
    expect({ errors: failed.filter((r) => cardText(r.value).includes(ERROR_TITLE)).length, count: during.teams[poll.targetId].count, respondents: during.respondents.length }).toEqual({
      errors: 3,
      count: before.teams[poll.targetId].count,
      respondents: before.respondents.length,
    });
    const again = await Promise.all([pressBy(a, 5), pressBy(b, 1), pressBy(a, 5)]);
    const after = await tally(poll.pollId);
    expect({ stored: again.filter((r) => cardText(r.value).includes(STORED)).length >= 2, added: after.teams[poll.targetId].count - before.teams[poll.targetId].count, respondents: after.respondents.length - before.respondents.length }).toEqual({
      stored: true,
      added: 2,
      respondents: 2,
    });
  }, 60_000);
});
