import { CosmosFaultRule } from '../support/cosmos-proxy';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR's `peiling start` whose tally or jobs cannot be written for a moment (503). The poll is
 * stored only after them, so HR's error card means no open poll was stored, and HR typing the
 * command again (a new message, so a new poll id) starts the poll instead of being refused with
 * "a poll is already running" for a team that never got a card. What the failed start left
 * behind (a tally, a delivery job) does nothing without its poll.
 *
 * Found in review, stop 39.
 */
describe('a poll start whose tally or jobs fail to be written', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const openPolls = async () => (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll' AND c.status = 'open'").fetchAll()).resources.length;
  const pollJobs = async () => (await t.store.container('jobs').items.query("SELECT * FROM c WHERE STARTSWITH(c.kind, 'pulse.')").fetchAll()).resources as { kind: string; status: string }[];
  const reply = (from: number) => d.saidSince(from);

  beforeEach(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'half-start'.padEnd(40, 'h'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.install(noord);
  }, 60_000);
  afterEach(() => t.stop());

  /**
   * The scheduler's runs from `at` on, two minutes apart: a delivery job whose poll is missing
   * waits three runs for it (10, 20, 40 s) before it gives up on it.
   */
  async function runJobsFrom(at: string): Promise<void> {
    for (let run = 0; run < 5; run++) {
      t.clock.set(new Date(new Date(at).getTime() + run * 120_000).toISOString());
      await t.app.scheduler.runDue();
      await d.settle();
    }
  }

  async function failingStartThenRetry(faults: CosmosFaultRule): Promise<void> {
    const before = t.connector.calls.length;
    t.proxy!.faults = faults;
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04');
    t.proxy!.faults = undefined;
    await d.settle();
    const first = reply(before);
    const saidError = /lukte niet|ging iets mis/i.test(first);
    const stored = await openPolls();
    // An error card means nothing was stored.
    expect({ saidError, stored }).not.toEqual({ saidError: true, stored: 1 });

    // HR does what an error card asks: types it again (a new message).
    const again = t.connector.calls.length;
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.settle();
    const second = reply(again);
    expect(second).not.toContain('loopt al een peiling');
    // The team gets a poll card it can answer.
    expect(() => d.pollCard(noord.id)).not.toThrow();
    expect(await openPolls()).toBe(1);
  }

  it('an error card only when nothing was stored, and HR typing the command again starts the poll (tally 503)', async () => {
    await failingStartThenRetry((req) => (req.kind === 'create' && req.container === 'pollAnswers' ? { kind: 'status', status: 503 } : undefined));
  }, 60_000);

  it('the same when the jobs fail after the first, whose job then does nothing; the started poll closes on its date', async () => {
    let creates = 0;
    // The first job (the delivery) is stored, the next ones fail.
    await failingStartThenRetry((req) => (req.kind === 'create' && req.container === 'jobs' && ++creates > 1 ? { kind: 'status', status: 503 } : undefined));

    await runJobsFrom('2026-12-04T23:00:00Z');
    expect(await openPolls()).toBe(0);
    expect((await pollJobs()).filter((j) => j.status === 'failed' || j.status === 'pending')).toEqual([]);
  }, 60_000);

  it("a poll whose create fails after its tally and jobs: those jobs, the closing too, do nothing without it", async () => {
    let creates = 0;
    // The creates in the polls container after the tenant's start lease and the team's claim (the poll's, retried) fail.
    await failingStartThenRetry((req) => (req.kind === 'create' && req.container === 'polls' && ++creates > 2 ? { kind: 'status', status: 503 } : undefined));

    await runJobsFrom('2026-12-04T23:00:00Z');
    expect(await openPolls()).toBe(0);
    expect((await pollJobs()).filter((j) => j.status === 'failed' || j.status === 'pending')).toEqual([]);
  }, 60_000);
});
