import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A guard (passing when written, in review of stop 36): Teams redelivers HR's `peiling start` while the first delivery is still being handled
 * (both in flight at once, as on two app instances). EXPECTED: one poll, one "started" card, one
 * poll card in the channel, one set of jobs, and no error card to HR.
 */
describe('the same start command handled twice at the same moment', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-start-twice'.padEnd(40, 'k'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
  }, 60_000);
  afterAll(() => t.stop());

  it('starts one poll and says so once', async () => {
    const activity = d.inTeam(message(d.channel(noord), HR, 'peiling start dit team 2026-12-04'), noord);
    await Promise.all([t.send(activity), t.send(activity), t.send(activity)]);
    await d.settle();
    const polls = (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
    const jobs = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE STARTSWITH(c.kind, 'pulse.close')").fetchAll()).resources;
    const inChannel = t.connector.cards((c) => c.method === 'POST' && c.conversationId === noord.id).map((c) => cardText(c.card));
    expect({
      polls: polls.length,
      closeJobs: jobs.length,
      started: inChannel.filter((x) => x.includes('B3-spiegel gestart')).length,
      forms: t.connector.cards((c) => c.method === 'POST' && c.conversationId === noord.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view').length,
      errors: inChannel.filter((x) => x.includes('Dat lukte niet')).length,
    }).toEqual({ polls: 1, closeJobs: 1, started: 1, forms: 1, errors: 0 });
  }, 120_000);
});
