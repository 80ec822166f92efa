import type { IncomingMessage } from 'node:http';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A member's answer caught between its read and its write (or its read-back) while HR closes the
 * poll and its tally is sealed. The results are final once the
 * poll closed: an answer is in them and the member told so, or it is not and the member told
 * that nothing was stored. Gate technique of tests/live-session/gated-races.test.ts.
 */
const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const tallyReplace = (req: IncomingMessage) => req.method === 'PUT' && /\/colls\/pollAnswers\/docs\/tally$/.test(path(req));
const tallyRead = (req: IncomingMessage) => req.method === 'GET' && /\/colls\/pollAnswers\/docs\/tally$/.test(path(req));

const ERROR_TITLE = 'Dat lukte niet';
const NOT_STORED = 'is niet opgeslagen';
const STORED = 'anoniem opgeslagen';
const FATE_UNKNOWN = 'Was het er vóór het sluiten, dan telt het mee';

describe('a poll answer caught between read and write by HR closing the poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  let gate: ReturnType<typeof cosmosGate>;
  let n = 0;
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;
  const newTeam = () => {
    const slug = `race${n++}`;
    return team(`Team ${slug}`, slug, [HR, ...members(slug, 6)]);
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'answer-vs-close-race'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    gate = cosmosGate(t.proxy!);
  }, 60_000);
  afterAll(() => t.stop());

  async function pollWithAnswers(x: TestTeam, answered: number) {
    await d.startPoll(x, `peiling start ${x.name} 2026-12-04`);
    await d.settle();
    for (const who of x.members.slice(1, 1 + answered)) expect(cardText((await d.answerOnCard(x, who, 3)).value)).toContain(STORED);
    return d.pollCard(x.id);
  }

  it('refuses an answer whose tally write was held while HR closed the poll as late: nothing stored, results unchanged', async () => {
    const x = newTeam();
    const poll = await pollWithAnswers(x, 3);
    const who = x.members[5]!;

    const held = gate.hold(tallyReplace);
    const pressed = d.press(who, d.channel(x), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(1) }, poll.id, x);
    await held.arrived;
    await d.say(HR, x, 'peiling sluiten');
    await d.settle();
    const sealed = await tally(poll.pollId);
    held.release();
    const reply = cardText((await pressed).value);
    const after = await tally(poll.pollId);

    expect({ sealed: !!sealed.sealed, countAtClose: sealed.teams[poll.targetId].count, countNow: after.teams[poll.targetId].count, sameHistograms: JSON.stringify(after.teams) === JSON.stringify(sealed.teams) }).toEqual({
      sealed: true,
      countAtClose: 3,
      countNow: 3,
      sameHistograms: true,
    });
    expect({ late: reply.includes(NOT_STORED), stored: reply.includes(STORED), error: reply.includes(ERROR_TITLE), unknown: reply.includes(FATE_UNKNOWN) }).toEqual({ late: true, stored: false, error: false, unknown: false });
  }, 60_000);

  it('counts an answer whose reply was lost and whose read-back came after HR closed the poll, and tells the member only what can be known', async () => {
    const x = newTeam();
    const poll = await pollWithAnswers(x, 3);
    const who = x.members[5]!;

    // The answer's replace reaches the database and its reply is lost; the read-back that would
    // find the member's marker waits while HR closes the poll (the seal forgets every marker).
    let readBack: ReturnType<ReturnType<typeof cosmosGate>['hold']> | undefined;
    let dropped = 0;
    t.proxy!.faults = (r) => {
      if (r.kind === 'replace' && r.container === 'pollAnswers' && dropped++ === 0) {
        readBack = gate.hold(tallyRead);
        return { kind: 'dropAfter' };
      }
      return undefined;
    };
    const pressed = d.press(who, d.channel(x), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(1) }, poll.id, x);
    while (!readBack) await new Promise((r) => setImmediate(r));
    await readBack.arrived;
    t.proxy!.faults = undefined;
    await d.say(HR, x, 'peiling sluiten');
    await d.settle();
    readBack.release();
    const reply = cardText((await pressed).value);
    const after = await tally(poll.pollId);

    // The answer is in the final results...
    expect({ sealed: !!after.sealed, count: after.teams[poll.targetId].count }).toEqual({ sealed: true, count: 4 });
    // ...so the member must not get the card that says nothing was stored (and invites them to try again).
    expect({ errorCard: reply.includes(ERROR_TITLE), notStored: reply.includes(NOT_STORED) }).toEqual({ errorCard: false, notStored: false });
    // ...nor that it was stored: closing forgot who answered, so nothing can tell this answer was theirs.
    expect({ stored: reply.includes(STORED), closedCard: reply.includes('Deze peiling is gesloten'), unknown: reply.includes(FATE_UNKNOWN) }).toEqual({ stored: false, closedCard: true, unknown: true });
  }, 60_000);
});
