import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of B3 poll answering. A member picks nine scores and presses "Verstuur"; the
 * tally write fails on the way to Cosmos DB (a dropped connection): nothing is stored. The reply
 * used to be the plain error card ("Er is niets verloren gegaan; je kunt het opnieuw proberen")
 * with no form, no scores and no button: the member had to find the form and pick all nine again.
 * What must hold: the poll's own form comes back in the direct reply with every score chosen (and
 * the comment, when one was typed) shown in its input, a line that nothing was stored, and the
 * same action to send again, as a busy tally does; sending it again stores the answer once.
 */
/** Every input's id and value on a card. */
function inputValues(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Record<string, unknown>;
    if (typeof el.type === 'string' && el.type.startsWith('Input.') && typeof el.id === 'string') out[el.id] = el.value;
    Object.values(el).forEach(walk);
  };
  walk(card);
  return out;
}

describe('a poll answer whose tally write fails', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;
  /** The tally's next write is dropped before it reaches the store; true once it was. */
  const dropNextTallyWrite = () => {
    let dropped = 0;
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' && dropped++ === 0 ? { kind: 'dropBefore' } : undefined);
    return () => dropped > 0;
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'store-fault'.padEnd(40, 'f'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('gives the member the form back with their nine scores shown, and stores them once when sent again', async () => {
    const who = noord.members[2]!;
    const poll = d.pollCard(noord.id);
    // Nine distinct-looking choices, as a member would pick them (no comment typed).
    const chosen = scores(2, { boeien: 5, binden: 1, behouden: 4 });
    const answer = { pollId: poll.pollId, targetId: poll.targetId, ...chosen };
    const dropped = dropNextTallyWrite();
    const reply = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    t.proxy!.faults = undefined;
    expect({ dropped: dropped(), count: (await tally(poll.pollId)).teams[poll.targetId].count }).toEqual({ dropped: true, count: 0 });

    const inputs = inputValues(reply.value);
    expect({
      notice: cardText(reply.value).includes('Dat lukte niet: je antwoorden zijn niet opgeslagen'),
      canSendAgain: JSON.stringify(reply.value).includes('"verb":"pulse.answer"'),
      scoresShown: Object.entries(chosen).filter(([id, value]) => inputs[id] === value).map(([id]) => id),
    }).toEqual({ notice: true, canSendAgain: true, scoresShown: Object.keys(chosen) });

    const again = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    expect(cardText(again.value)).toContain('Dank je wel!');
    expect((await tally(poll.pollId)).teams[poll.targetId].count).toBe(1);
  }, 60_000);

  it('keeps a typed comment in its own box next to the scores', async () => {
    const who = noord.members[3]!;
    const poll = d.pollCard(noord.id);
    const chosen = scores(3, { waardering: 1 });
    const dropped = dropNextTallyWrite();
    const reply = await d.press(who, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...chosen, open: 'Te weinig overleg' }, poll.id, noord);
    t.proxy!.faults = undefined;
    expect(dropped()).toBe(true);

    const inputs = inputValues(reply.value);
    expect({
      comment: inputs.open,
      scoresShown: Object.entries(chosen).filter(([id, value]) => inputs[id] === value).length,
    }).toEqual({ comment: 'Te weinig overleg', scoresShown: 9 });
    expect((await tally(poll.pollId)).teams[poll.targetId].count).toBe(1);
  }, 60_000);
});
