import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR's `peiling start` is a message Teams may deliver twice (no timely answer), and whose poll
 * create may be stored while its answer is lost (the retry then finds the poll "already there").
 * Either way the poll must still close by itself on its date (its results exist only after
 * closing), and HR must see the "started" card once, not once per delivery. Clock: Monday
 * 23 November 2026; the poll closes at the end of Friday 4 December (Amsterdam).
 */
describe('the start command under a lost answer and redelivery', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const pollJobs = async () => (await t.store.container('jobs').items.query("SELECT * FROM c WHERE STARTSWITH(c.kind, 'pulse.')").fetchAll()).resources as { kind: string; status: string }[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored poll documents as a database reader sees them
  const polls = async (): Promise<any[]> => (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
  const startedCards = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === noord.id).filter((c) => cardText(c.card).includes('B3-spiegel gestart'));

  beforeEach(async () => {
    // A turn gives up on a refused card after 2 s instead of 20 (the card stays queued).
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'start-key'.padEnd(40, 's'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, outboxTimings: { backoffBaseMs: 100, backoffCapMs: 1_000, deliverWaitMs: 2_000 } });
    d = new PulseDriver(t);
    await d.install(noord);
  });
  afterEach(() => t.stop());

  it('schedules the closing and reminders of a poll whose create lost its answer, announces it once, and closes it on its date', async () => {
    let creates = 0;
    // The third create in the polls container is the poll (the first is the tenant's start lease, the second the team's claim): stored, its answer dropped.
    t.proxy!.faults = (req) => (req.kind === 'create' && req.container === 'polls' && ++creates === 3 ? { kind: 'dropAfter' } : undefined);
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04');
    t.proxy!.faults = undefined;
    await d.settle();

    const [poll] = await polls();
    expect(await polls()).toHaveLength(1);
    expect(cardText(t.connector.cards().at(-1)!.card)).not.toContain('Dat lukte niet');
    expect(startedCards()).toHaveLength(1);
    const jobs = await pollJobs();
    expect(jobs.filter((j) => j.kind === 'pulse.close')).toHaveLength(1);
    expect(jobs.filter((j) => j.kind === 'pulse.reminder')).toHaveLength(poll.reminders.length);

    t.clock.set('2026-12-04T23:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    expect((await polls())[0].status).toBe('closed');
  });

  it('posts the "started" card once when Teams delivers the start command twice', async () => {
    const activity = d.inTeam(message(d.channel(noord), HR, 'peiling start Zorgteam Noord 2026-12-04'), noord);
    await t.send(activity);
    await d.settle();
    expect(startedCards()).toHaveLength(1);

    await t.send(activity);
    await d.settle();
    expect(await polls()).toHaveLength(1);
    expect(startedCards()).toHaveLength(1);
    // Scheduling again on the redelivery found every job there: one of each.
    expect((await pollJobs()).filter((j) => j.kind === 'pulse.close')).toHaveLength(1);
  });

  it('posts the "started" card on a redelivery when the first delivery stored the poll but never got the card out', async () => {
    const activity = d.inTeam(message(d.channel(noord), HR, 'peiling start Zorgteam Noord 2026-12-04'), noord);
    // The first delivery's card does not reach Teams (as when its instance stops right after storing the poll).
    let refusing = true;
    t.connector.faults.push((req) => (refusing && req.method === 'POST' && JSON.stringify(req.body).includes('B3-spiegel gestart') ? { status: 502 } : undefined));
    await t.send(activity);
    await t.app.background.idle();
    expect(startedCards()).toHaveLength(0);
    refusing = false;

    await t.send(activity);
    await d.settle();
    expect(await polls()).toHaveLength(1);
    expect(startedCards()).toHaveLength(1);
  });
});
