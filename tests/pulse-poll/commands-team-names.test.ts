import { message } from '../support/activities';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { latestPollNamed } from '../../src/usecases/pulse-poll/poll-results';
import type { Poll } from '../../src/domain/pulse-poll/poll';
import type { PulsePollDeps } from '../../src/usecases/pulse-poll/deps';

/**
 * Found in review of stop 37's own change: "peiling sluiten <name>" where the name is a whole team's name (installed, never polled)
 * and also part of another team's name that has an open poll. Closing is final: the poll of
 * "Zorgteam Noord" must not close when HR named the team "Noord". It did (only teams with a poll
 * were candidates, and part of a name was enough); a close now needs a team's whole name.
 */
describe('a named team that is part of another team\'s name', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Noord', 'noordp', members('noordp', 6));
  const zorgNoord: TestTeam = team('Zorgteam Noord', 'zorgnoordp', [HR, ...members('zorgnoordp', 6)]);
  const hrChat = () => t.conversation('personal', 'a:hanna-personal');
  const byTeam = async () =>
    Object.fromEntries((await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources.map((p) => [p.targets[0].teamName, p.status]));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-prefix-'.padEnd(40, 'p') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zorgNoord);
    await t.send(message(hrChat(), HR, 'peiling start Zorgteam Noord 2026-12-04'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'open' });
  }, 60_000);
  afterAll(() => t.stop());

  it('"peiling sluiten Noord" leaves Zorgteam Noord\'s poll open', async () => {
    await t.send(message(hrChat(), HR, 'peiling sluiten Noord'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'open' });
  });

  it('"peiling sluiten Zorgteam" (part of a name) closes nothing either; the whole name closes it', async () => {
    await t.send(message(hrChat(), HR, 'peiling sluiten Zorgteam'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'open' });
    await t.send(message(hrChat(), HR, 'peiling sluiten zorgteam  noord'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'closed' });
  });
});

/** Found in review, stop 37: a team renamed between two polls is found by the name it has now (the newest poll's). */
describe('latestPollNamed after a team was renamed', () => {
  const poll = (id: string, opensAt: string, teamName: string, status: 'open' | 'closed'): Poll =>
    ({ id, pollId: id, type: 'poll', tenantId: 't1', scope: { kind: 'team', teamId: '19:a' }, status, opensAt, targets: [{ id: `${id}-a`, teamId: '19:a', teamName }] }) as unknown as Poll;
  // As the store lists them: newest first (ORDER BY c.opensAt DESC).
  const polls = [poll('p2', '2026-11-20T08:00:00Z', 'Zorgteam Noord', 'open'), poll('p1', '2026-05-01T08:00:00Z', 'Noord (oud)', 'closed')];
  const deps = { polls: { listForTenant: async () => polls }, installations: { listInstalled: async () => [] } } as unknown as PulsePollDeps;

  it('finds the open poll by the team\'s current name', async () => {
    await expect(latestPollNamed(deps, 't1', 'Zorgteam Noord', { open: true }).then((p) => p.id)).resolves.toBe('p2');
  });
});
