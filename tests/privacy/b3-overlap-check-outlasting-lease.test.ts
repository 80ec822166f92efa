/**
 * Found reviewing stop 66's overlap check at delivery: the start lease a delivery holds while it
 * checks and lists a team is taken for at most a minute. A check that outlasts it (here: the roster
 * of a team listed by an earlier run, read under the lease, is slow) worked from the open polls it
 * read before: a department started meanwhile (the lease lapsed, so its start went ahead) was not
 * among them, its own delivery skipped the team not yet listed, and the slow check then listed it:
 * neither listing saw the other. Now the delivery renews the lease, only if held all along, before
 * it writes the list; taken over meanwhile, it lists nothing and its job runs again.
 */
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const kern = members('kern', 5);
const sixth = members('zesde', 1)[0]!;
const b0 = members('b', 1)[0]!;
const teamA: TestTeam = team('Team A', 'teama', members('a', 5));
// Team B of the all-teams poll: kern0-4 and b0, HR too.
const teamB: TestTeam = team('Team B', 'teamb', [HR, ...kern, b0]);
const teamZ: TestTeam = team('Team Z', 'teamz', members('z', 5));
// At its start the department shares only HR with Team B; by its delivery it holds Team B and zesde.
const afdeling: TestTeam = team('Afdeling Kern', 'afdeling', [HR, sixth, ...members('d', 3)]);
const grown = [HR, sixth, ...kern, b0];
const isRosterOf = (slug: string) => (req: { method: string; path: string }) => req.method === 'GET' && /members$/.test(req.path) && decodeURIComponent(req.path).includes(slug);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored documents as a reader sees them
async function pollOf(t: TestApp, x: TestTeam): Promise<any> {
  const { resources } = await t.store.container('polls').items.query({ query: "SELECT * FROM c WHERE c.type = 'poll'" }).fetchAll();
  return resources.find((p: { targets: { teamId: string }[] }) => p.targets.some((target) => target.teamId === x.id));
}

function scenario(title: string, meanwhile: string) {
describe(title, () => {
  let t: TestApp;
  let d: PulseDriver;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'ovl-lease-expires'.padEnd(40, 'g'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 120_000);
  afterAll(() => t?.stop());

  it('does not list Team B and the grown department both', async () => {
    await d.install(teamA);
    await d.install(teamB);
    let throttle = true;
    t.connector.faults.push((req) => (throttle && isRosterOf('teamb')(req) && /pagedmembers/.test(req.path) ? { status: 503, retryAfterSeconds: 0 } : undefined));
    await d.say(HR, teamA, 'peiling start alle teams 2026-12-04');
    await d.settle();
    throttle = false;
    // Another poll open (unrelated), so the listing's check reads rosters at all.
    await d.startPoll(teamZ, 'peiling start dit team 2026-12-04');

    // The safety-net run lists Team B: its check reads Team A's roster (listed by the first run), slowly.
    let reached!: () => void;
    const atHold = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let armed = true;
    t.connector.holds.push(async (req) => {
      if (!armed || !isRosterOf('teama')(req)) return;
      armed = false;
      reached();
      await released;
    });
    t.clock.set('2026-11-23T08:03:00Z');
    const run = t.app.scheduler.runDue();
    await atHold;

    // Over a minute on: the lease lapsed. The department starts; its roster grows before its delivery.
    t.clock.set(meanwhile);
    let grew = false;
    t.connector.holds.push(async (req) => {
      if (grew || !isRosterOf('afdeling')(req) || !(await pollOf(t, afdeling))) return;
      t.connector.teamRosters.set(afdeling.id, grown);
      grew = true;
    });
    await d.startPoll(afdeling, 'peiling start dit team 2026-12-04');
    const dept = (await pollOf(t, afdeling))?.targets[0];

    release();
    await run;
    await d.settle();
    const all = await pollOf(t, teamA);
    const b = all.targets.find((x: { teamId: string }) => x.teamId === teamB.id);
    expect({ grew, deptDelivered: dept?.delivered, teamB: [b.delivered, b.notDelivered] }).not.toEqual({ grew: true, deptDelivered: true, teamB: [true, undefined] });
  }, 240_000);
});
}

// Control: within the lease's minute the department's start waits, then is told to try again.
scenario('control: the department starts while the lease is still held', '2026-11-23T08:03:30Z');
scenario('a delivery\'s overlap check that outlasts its start lease', '2026-11-23T08:04:30Z');
