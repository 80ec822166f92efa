import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A whole organisation answering an "alle teams" poll at once folds every answer into the poll's
 * one tally, each under the ETag it read. A member whose answer keeps losing that race longer than
 * the tally's budget (src/store/pulse-poll.repositories.ts) must not get a bare "something went
 * wrong": nothing was stored, and they get the form back with their answers kept and a line that
 * it is busy, in the poll's language. Sending it again then stores it once.
 */
describe('a poll answer that meets a tally busy beyond its budget', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.settle();
  });
  afterAll(() => t.stop());

  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  it('gives the form back with the answers kept, stores nothing, and takes the answer sent again', async () => {
    const who = noord.members[2]!;
    const poll = d.pollCard(noord.id);
    const answer = { pollId: poll.pollId, targetId: poll.targetId, ...scores(2), open: 'Te veel overdracht' };
    const before = JSON.stringify(await tally(poll.pollId));
    // Every write to the tally loses the race, for as long as the answer keeps trying.
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' ? { kind: 'status', status: 412 } : undefined);
    const busy = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    t.proxy!.faults = undefined;
    const card = busy.value;
    expect(cardText(card)).toContain('Het is nu erg druk: je antwoord is niet opgeslagen.');
    expect(cardText(card)).not.toContain('Dat lukte niet');
    expect(JSON.stringify(card)).toContain('Te veel overdracht');
    expect(JSON.stringify(card)).toContain('pulse.answer');
    expect(JSON.stringify(await tally(poll.pollId))).toBe(before);

    const again = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    expect(cardText(again.value)).not.toContain('erg druk');
    expect(JSON.stringify(await tally(poll.pollId))).not.toBe(before);
  }, 60_000);
});
