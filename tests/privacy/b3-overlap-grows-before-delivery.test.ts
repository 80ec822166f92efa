import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { toScore } from '../../src/domain/pulse-poll/results';

/**
 * Attack (review of stop 66): two open polls whose cuts differ by one person, made by a roster
 * change after the start's overlap check (b3-overlapping-polls.test.ts) passed. The check compared
 * the rosters of the start's moment; the invitee lists are made at delivery, from the roster then.
 * A team that takes in people in between (a moment before the command's own delivery, or two
 * minutes while Teams throttles its roster and the safety-net job waits) was listed with all of
 * them: department minus sub-team was the sixth person's answer. Now the members about to be
 * listed are checked again, under the tenant's start lease, against what the other open polls
 * listed: the team is not delivered, its status says why, and HR is told in the chat the poll was
 * started from. Both directions: whichever team is listed second is the one refused.
 */
const five = members('kern', 5);
const sixth = members('zesde', 1)[0]!;
const others = members('ander', 3);
const isRosterOf = (slug: string) => (req: { method: string; path: string }) => req.method === 'GET' && /members$/.test(req.path) && decodeURIComponent(req.path).includes(slug);

function setUp(key: string) {
  const ctx = {} as { t: TestApp; d: PulseDriver };
  beforeAll(async () => {
    ctx.t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: key.padEnd(40, 'g'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    ctx.d = new PulseDriver(ctx.t);
  }, 120_000);
  afterAll(() => ctx.t?.stop());
  return ctx;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored polls as a database reader sees them
async function pollOf(t: TestApp, x: TestTeam): Promise<any> {
  const { resources } = await t.store.container('polls').items.query({ query: "SELECT * FROM c WHERE c.type = 'poll'" }).fetchAll();
  return resources.find((p: { targets: { teamId: string }[] }) => p.targets.some((target) => target.teamId === x.id));
}

const cardsIn = (t: TestApp, x: TestTeam) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === x.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view').length;

/**
 * Both polls answered as the attack needs (the five alike in both, the sixth in the department's
 * only), both closed: the values of the sixth person's "Beloning" the two published figures leave.
 * None where the sub-team publishes no figures.
 */
async function candidatesForTheSixth(t: TestApp, d: PulseDriver, dept: TestTeam, sub: TestTeam): Promise<number[]> {
  const theirs = [2, 3, 4, 5, 4];
  for (const x of [dept, sub].filter((x) => cardsIn(t, x) > 0)) {
    for (const [i, who] of five.entries()) await d.answerOnCard(x, who, theirs[i]!);
    await d.answerOnCard(x, HR, 3);
  }
  if (cardsIn(t, dept) > 0) {
    const card = d.pollCard(dept.id);
    await d.press(sixth, d.channel(dept), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4, { beloning: 1 }) }, card.id, dept);
  }
  await d.say(HR, dept, 'peiling sluiten');
  await d.say(HR, sub, 'peiling sluiten');
  await d.settle();
  const beloning = (text: string) => Number(/Beloning[\s:]*\n?\s*(\d+)/.exec(text)?.[1]);
  const deptFigure = beloning(cardText((await d.read(five[0]!, dept, 'peiling resultaten')) ?? {}));
  const subFigure = beloning(cardText((await d.read(five[0]!, sub, 'peiling resultaten')) ?? {}));
  if (!Number.isFinite(deptFigure) || !Number.isFinite(subFigure)) return [];
  const subSum = (subFigure / 100) * 4 * 6 + 6;
  return [1, 2, 3, 4, 5].filter((v) => toScore((subSum + v) / 7) === deptFigure);
}

/** How the refused team stands: not delivered and why, no card, what HR read in its chat and on the status card. */
async function refusal(t: TestApp, d: PulseDriver, refused: TestTeam, saidFrom: number) {
  const target = (await pollOf(t, refused))?.targets[0];
  const status = cardText((await d.read(HR, refused, 'peiling status')) ?? {});
  return {
    delivered: target?.delivered,
    notDelivered: target?.notDelivered,
    cards: cardsIn(t, refused),
    hrTold: d.saidSince(saidFrom).includes(`${refused.name} heeft de peiling niet gekregen`),
    statusSaysWhy: status.includes('te veel leden gemeen met een team waarvoor nog een andere peiling loopt'),
  };
}

describe('a sub-team that takes in the department between its start check and its listing', () => {
  const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, ...five, sixth]);
  // At the start HR and one of the five in common (2 of a minimum of 5: allowed).
  const kernteam: TestTeam = team('Kernteam', 'kernteam', [HR, five[0]!, ...others]);
  const grown = [HR, ...five, ...others];

  describe('a moment before the command\'s own delivery', () => {
    const ctx = setUp('overlap-grows-moment');

    it('does not deliver the grown sub-team, so department minus sub-team gives nobody\'s answer', async () => {
      const { t, d } = ctx;
      await d.install(kernteam);
      await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
      let grew = false;
      // Once the start stored its poll (its check passed), the delivery's roster read finds the four added.
      t.connector.holds.push(async (req) => {
        if (grew || !isRosterOf('kernteam')(req) || !(await pollOf(t, kernteam))) return;
        t.connector.teamRosters.set(kernteam.id, grown);
        grew = true;
      });
      const from = t.connector.calls.length;
      await d.say(HR, kernteam, 'peiling start dit team 2026-12-04');
      await d.settle();
      expect({ grew, ...(await refusal(t, d, kernteam, from)) }).toEqual({ grew: true, delivered: false, notDelivered: 'overlapsOpen', cards: 0, hrTold: true, statusSaysWhy: true });
      expect(await candidatesForTheSixth(t, d, afdeling, kernteam)).toEqual([]);
    }, 180_000);
  });

  describe('two minutes while the delivery waits for the safety-net job (Teams throttled the roster)', () => {
    const ctx = setUp('overlap-grows-throttled');

    it('does not deliver the grown sub-team when the job comes round', async () => {
      const { t, d } = ctx;
      await d.install(kernteam);
      await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
      const stored = { now: false };
      t.connector.holds.push(async (req) => {
        if (isRosterOf('kernteam')(req) && !stored.now) stored.now = !!(await pollOf(t, kernteam));
      });
      // Only the delivery's reads fail: the start's check (before its poll is stored) is answered.
      t.connector.faults.push((req) => (isRosterOf('kernteam')(req) && stored.now ? { status: 503, retryAfterSeconds: 0 } : undefined));
      const from = t.connector.calls.length;
      await d.say(HR, kernteam, 'peiling start dit team 2026-12-04');
      await d.settle();
      const waiting = (await pollOf(t, kernteam))?.targets[0]?.delivered;
      t.connector.faults.length = 0;
      t.connector.teamRosters.set(kernteam.id, grown);
      t.clock.set('2026-11-23T08:03:00Z');
      await t.app.scheduler.runDue();
      await d.settle();
      expect({ waiting, ...(await refusal(t, d, kernteam, from)) }).toEqual({ waiting: false, delivered: false, notDelivered: 'overlapsOpen', cards: 0, hrTold: true, statusSaysWhy: true });
      expect(await candidatesForTheSixth(t, d, afdeling, kernteam)).toEqual([]);
    }, 180_000);
  });
});

describe('a department whose delivery waits takes in the sub-team polled meanwhile', () => {
  // At the sub-team's start, the department's roster shares HR and one of the five with it (allowed).
  const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, five[0]!, sixth, ...others]);
  const kernteam: TestTeam = team('Kernteam', 'kernteam', [HR, ...five]);
  const grown = [HR, ...five, sixth];
  const ctx = setUp('overlap-open-team-grows');

  it('does not deliver the department once the sub-team is listed, so nothing isolates the sixth person', async () => {
    const { t, d } = ctx;
    await d.install(kernteam);
    let throttle = true;
    t.connector.faults.push((req) => (throttle && isRosterOf('afdeling')(req) && /pagedmembers/.test(req.path) ? { status: 503, retryAfterSeconds: 0 } : undefined));
    const from = t.connector.calls.length;
    await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
    const waiting = (await pollOf(t, afdeling))?.targets[0]?.delivered;
    throttle = false;
    await d.say(HR, kernteam, 'peiling start dit team 2026-12-04');
    await d.settle();
    const subDelivered = (await pollOf(t, kernteam))?.targets[0]?.delivered;
    t.connector.teamRosters.set(afdeling.id, grown);
    t.clock.set('2026-11-23T08:03:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    expect({ waiting, subDelivered, ...(await refusal(t, d, afdeling, from)) }).toEqual({ waiting: false, subDelivered: true, delivered: false, notDelivered: 'overlapsOpen', cards: 0, hrTold: true, statusSaysWhy: true });
    expect(await candidatesForTheSixth(t, d, afdeling, kernteam)).toEqual([]);
  }, 180_000);
});

describe('a team of an all-teams poll listed after a department was polled meanwhile', () => {
  // Apart, each team shares at most two people with the department; together, three once B grows.
  const teamA: TestTeam = team('Team A', 'teama', [five[0]!, five[1]!, ...members('a', 4)]);
  const teamB: TestTeam = team('Team B', 'teamb', members('b', 5));
  const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, ...five, sixth]);
  const ctx = setUp('overlap-teams-together-grow');

  it('does not list the team whose listing makes the poll\'s teams together share too many with the department', async () => {
    const { t, d } = ctx;
    await d.install(teamA);
    await d.install(teamB);
    let throttle = true;
    t.connector.faults.push((req) => (throttle && isRosterOf('teamb')(req) && /pagedmembers/.test(req.path) ? { status: 503, retryAfterSeconds: 0 } : undefined));
    const from = t.connector.calls.length;
    await d.say(HR, teamA, 'peiling start alle teams 2026-12-04');
    await d.settle();
    throttle = false;
    // Checked against Team A's list and Team B's roster of this moment: two in common, allowed.
    await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
    t.connector.teamRosters.set(teamB.id, [...teamB.members, five[2]!]);
    t.clock.set('2026-11-23T08:03:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const all = await pollOf(t, teamA);
    const target = (x: TestTeam) => all.targets.find((y: { teamId: string }) => y.teamId === x.id);
    expect({
      a: target(teamA).delivered,
      afdeling: (await pollOf(t, afdeling)).targets[0].delivered,
      b: [target(teamB).delivered, target(teamB).notDelivered, cardsIn(t, teamB)],
      hrTold: d.saidSince(from).includes('Team B heeft de peiling niet gekregen'),
    }).toEqual({ a: true, afdeling: true, b: [false, 'overlapsOpen', 0], hrTold: true });
  }, 180_000);
});
