import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { toScore } from '../../src/domain/pulse-poll/results';
import { mayShareMembers } from '../../src/domain/pulse-poll/poll';

/**
 * Attack (review of stop 49, as an adversary): two cuts whose difference is one person.
 *
 * One poll of several teams counts a person in two of them once (one marker per poll and person:
 * overlapping-teams-counted-once.test.ts), so a department and its sub-team never share an answer.
 * But the lock is per team (TeamPollLocks): HR could open a poll for the department ("Afdeling
 * Kern", HR and six people) and, the same day, a second poll for its sub-team ("Kernteam", HR and
 * five of those six). Each poll takes each person's answer once, so the shared members answer
 * twice and the sixth once; both teams pass the minimum of 5 and both publish figures. With the
 * shared members answering alike in both, department x 7 - sub-team x 6 is the sixth person's
 * answer: every statement's sum is read back exactly.
 *
 * Now a start whose team shares more members with a team of a poll still open than
 * `mayShareMembers` allows (half the minimum: HR or a manager in two teams isolates nobody) is
 * refused, in HR's language, naming the open poll's team and saying to poll both in one poll.
 * The open team's members are compared through its invitee list (keyed hashes, hashed again for
 * the new team's members), or, not delivered yet, its roster.
 */
describe('two open polls of overlapping teams', () => {
  let t: TestApp;
  let d: PulseDriver;
  const five = members('kern', 5);
  const sixth = members('zesde', 1)[0]!;
  const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, ...five, sixth]);
  const kernteam: TestTeam = team('Kernteam', 'kernteam', [HR, ...five]);
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, five[0]!, ...members('noord', 5)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 7));
  const zuidkern: TestTeam = team('Zuidkern', 'zuidkern', zuid.members.slice(0, 5));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored polls as a database reader sees them
  const pollsOf = async (x: TestTeam): Promise<any[]> =>
    (await t.store.container('polls').items.query({ query: "SELECT * FROM c WHERE c.type = 'poll'" }).fetchAll()).resources.filter((p: { targets: { teamId: string }[] }) => p.targets.some((target) => target.teamId === x.id));
  const cardsIn = (x: TestTeam) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === x.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view').length;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-overlapping'.padEnd(40, 'o'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(kernteam);
    await d.install(west);
    await d.install(noord);
    await d.install(zuid);
    await d.install(zuidkern);
    await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
  }, 120_000);
  afterAll(() => t.stop());

  it('attack: refuses the sub-team\'s poll while the department\'s is open, so department minus sub-team gives nobody\'s answer', async () => {
    const from = t.connector.calls.length;
    await d.say(HR, kernteam, 'peiling start dit team 2026-12-04');
    await d.settle();
    const reply = d.saidSince(from);
    expect({ polls: (await pollsOf(kernteam)).length, cards: cardsIn(kernteam) }).toEqual({ polls: 0, cards: 0 });
    expect(reply).toContain('Kernteam heeft te veel leden gemeen met Afdeling Kern, en voor Afdeling Kern loopt nog een peiling.');
    expect(reply).toContain('peil beide teams samen in één peiling');

    // The attacker's arithmetic, as before: only the department's figures exist, so nothing is subtracted.
    const theirs = [2, 3, 4, 5, 4];
    for (const [i, who] of five.entries()) await d.answerOnCard(afdeling, who, theirs[i]!);
    await d.answerOnCard(afdeling, HR, 3);
    const card = d.pollCard(afdeling.id);
    await d.press(sixth, d.channel(afdeling), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4, { beloning: 1 }) }, card.id, afdeling);
    await d.say(HR, afdeling, 'peiling sluiten');
    await d.settle();
    const beloning = (text: string) => Number(/Beloning[\s:]*\n?\s*(\d+)/.exec(text)?.[1]);
    const dept = beloning(cardText(await d.read(five[0]!, afdeling, 'peiling resultaten')));
    const sub = beloning(cardText(await d.read(five[0]!, kernteam, 'peiling resultaten') ?? {}));
    const subSum = (sub / 100) * 4 * 6 + 6;
    const fits = [1, 2, 3, 4, 5].filter((v) => toScore((subSum + v) / 7) === dept);
    // Before: the sub-team's poll opened too, and the only fit was [1], the sixth person's beloning.
    expect({ deptFigures: Number.isFinite(dept), subFigures: Number.isFinite(sub), candidatesForTheSixth: fits }).toEqual({ deptFigures: true, subFigures: false, candidatesForTheSixth: [] });
  }, 120_000);

  it('refuses the department\'s private poll while the sub-team\'s private poll is open (its list holds only keyed hashes), in English for HR in English', async () => {
    await d.say(HR, kernteam, 'peiling start dit team 2026-12-11 privé');
    await d.settle();
    expect((await pollsOf(kernteam)).filter((p) => p.status === 'open')).toHaveLength(1);
    const from = t.connector.calls.length;
    await d.say(HR, afdeling, 'poll start this team 2026-12-11 private');
    await d.settle();
    expect((await pollsOf(afdeling)).filter((p) => p.status === 'open')).toHaveLength(0);
    expect(d.saidSince(from)).toContain('Afdeling Kern has too many members in common with Kernteam, and Kernteam still has a poll running.');
  }, 120_000);

  it('still opens polls of teams that share only a few people (HR, and one colleague too) with an open poll\'s team', async () => {
    await d.say(HR, west, 'peiling start dit team 2026-12-11');
    await d.say(HR, noord, 'peiling start dit team 2026-12-11');
    await d.settle();
    expect({ west: cardsIn(west), noord: cardsIn(noord), shared: [mayShareMembers(3, 5), mayShareMembers(2, 5)] }).toEqual({ west: 1, noord: 1, shared: [false, true] });
  }, 120_000);

  it('compares with an open team not delivered yet through its roster (the members its delivery will list)', async () => {
    // Zuid's roster cannot be read for now: its poll opens, and its delivery waits for the retry job.
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(zuid.id) && /members/.test(req.path) ? { status: 403 } : undefined)];
    await d.say(HR, west, 'peiling start Zorgteam Zuid 2026-12-11');
    await d.settle();
    t.connector.faults = [];
    const [zuidPoll] = await pollsOf(zuid);
    expect(zuidPoll?.targets[0].delivered).toBe(false);
    const from = t.connector.calls.length;
    await d.say(HR, west, 'peiling start Zuidkern 2026-12-11');
    await d.settle();
    expect({ polls: (await pollsOf(zuidkern)).length, refused: d.saidSince(from).includes('Zuidkern heeft te veel leden gemeen met Zorgteam Zuid') }).toEqual({ polls: 0, refused: true });
  }, 120_000);
});
