/**
 * Found reviewing stop 66's overlap check at delivery: a team listed by a delivery run (its card
 * out, its list written) whose run stopped before marking it delivered was checked again by the
 * next run against a roster that had grown meanwhile, and refused, while its list still took
 * answers; other polls' checks then skipped it, so a poll of nearly its list could open beside it
 * and the two, set against each other, gave one person's answer. A team listed once keeps its list:
 * it was checked when it was listed, the next run delivers it without adding anyone who joined the
 * team since, and other polls' checks count it.
 */
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

const five = members('kern', 5);
const sixth = members('zesde', 1)[0]!;
const others = members('ander', 4);
const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, ...five, sixth]);
// HR and kern0 in common with the department: 2, allowed.
const kernteam: TestTeam = team('Kernteam', 'kernteam', [HR, five[0]!, ...others]);
// Kernteam's list but kern0: Kernteam's figures minus this team's would be kern0's answer.
const bijna: TestTeam = team('Bijna Kern', 'bijna', [HR, ...others]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored documents as a reader sees them
async function pollOf(t: TestApp, x: TestTeam): Promise<any> {
  const { resources } = await t.store.container('polls').items.query({ query: "SELECT * FROM c WHERE c.type = 'poll'" }).fetchAll();
  return resources.find((p: { targets: { teamId: string }[] }) => p.targets.some((target) => target.teamId === x.id));
}

describe('a team listed by a delivery run that stopped before marking it delivered', () => {
  let t: TestApp;
  let d: PulseDriver;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-listed-team-keeps-its-list'.padEnd(40, 'g'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    d = new PulseDriver(t);
  }, 120_000);
  afterAll(() => t?.stop());

  it('is delivered by the next run with the list it had, takes no joiner, and blocks a poll of nearly its list', async () => {
    await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
    await d.install(kernteam);
    // Run 1: the card is queued and the list written, then marking the team delivered fails.
    t.proxy!.faults = (req) => (req.kind === 'replace' && req.container === 'polls' && /\/docs\/poll_/.test(req.path) ? { kind: 'status', status: 503 } : undefined);
    await d.say(HR, kernteam, 'peiling start dit team 2026-12-04');
    await t.app.background.idle();
    t.proxy!.faults = undefined;
    await d.settle();
    const afterRun1 = (await pollOf(t, kernteam)).targets[0];
    // The owner adds the department's other four; the safety-net job runs the delivery again.
    t.connector.teamRosters.set(kernteam.id, [HR, ...five, ...others]);
    t.clock.set('2026-11-23T08:03:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const afterRun2 = (await pollOf(t, kernteam)).targets[0];
    // A member of run 1's list answers; one who joined since tries to.
    await d.answerOnCard(kernteam, others[0]!, 4);
    await d.answerOnCard(kernteam, five[1]!, 4);
    const poll = await pollOf(t, kernteam);
    const tally = (await t.store.container('pollAnswers').item('tally', poll.pollId).read()).resource;
    await d.startPoll(bijna, 'peiling start dit team 2026-12-04');
    const bijnaPoll = await pollOf(t, bijna);
    expect({
      run1: afterRun1.delivered,
      run2: { delivered: afterRun2.delivered, notDelivered: afterRun2.notDelivered, memberCount: afterRun2.memberCount },
      answersCounted: tally.respondents.length,
      bijnaDelivered: !!bijnaPoll?.targets[0].delivered,
    }).toEqual({ run1: false, run2: { delivered: true, notDelivered: undefined, memberCount: 6 }, answersCounted: 1, bijnaDelivered: false });
  }, 240_000);
});
