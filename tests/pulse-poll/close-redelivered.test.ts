import { message } from '../support/activities';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR types `peiling sluiten` in their 1:1 chat ("closes the latest open poll"), and Teams
 * delivers that same message twice (same activity id: no timely answer the first time). Two
 * teams each have their own open poll. The first delivery closes the latest (Zuid's); the
 * redelivery finds Noord's as "the latest open poll" and closes it too: a second, irreversible
 * close nobody asked for. The poll keeps a key of the command that closed it (from Teams'
 * activity id, the same on a redelivery): the command delivered again finds it. Found in review,
 * stop 36.
 */
describe('a redelivered "peiling sluiten" in HR\'s 1:1 chat', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored polls as a database reader sees them
  const polls = async (): Promise<any[]> => (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-close-redelivered'.padEnd(40, 'k'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('closes only the poll the command was for', async () => {
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
    t.clock.set('2026-11-23T09:00:00Z');
    await d.startPoll(zuid, 'peiling start dit team 2026-12-04');

    const close = message(t.conversation('personal', 'a:hanna'), HR, 'peiling sluiten');
    await t.send(close);
    await d.settle();
    await t.send(close); // the same activity, redelivered by Teams
    await d.settle();

    const status = Object.fromEntries((await polls()).map((p) => [p.targets[0].teamName, p.status]));
    expect(status).toEqual({ 'Zorgteam Zuid': 'closed', 'Zorgteam Noord': 'open' });

    // HR typing it again, a minute later, means the next open poll.
    t.clock.set('2026-11-23T09:01:00Z');
    await t.send(message(t.conversation('personal', 'a:hanna'), HR, 'peiling sluiten'));
    await d.settle();
    expect(Object.fromEntries((await polls()).map((p) => [p.targets[0].teamName, p.status]))).toEqual({ 'Zorgteam Zuid': 'closed', 'Zorgteam Noord': 'closed' });
  }, 120_000);
});
