import { message, user } from '../support/activities';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Adversarial probes of the B3-spiegel HR commands (peiling/poll start, sluiten/close, other
 * verbs) with missing, extra, malformed and hostile arguments, from HR and from others, in a
 * channel and in a personal chat. A refusal must be clear, in the right language, and store nothing.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('poll commands with bad arguments', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 6));
  const olaf = user('Olaf');
  const polls = async () => (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
  const pollJobs = async () => (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => String(j.kind ?? '').startsWith('pulse'));
  const said = (from: number) => d.saidSince(from);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-refused2-'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
  });
  afterAll(() => t.stop());

  it('guard: someone who is not HR typing "poll start" in their personal chat is told, in English, only HR may; nothing stored', async () => {
    const before = t.connector.calls.length;
    await t.send(message(t.conversation('personal', 'a:olaf-personal'), olaf, 'poll start all teams 2026-12-04'));
    expect(said(before)).toContain('Only HR can do this.');
    expect(await polls()).toEqual([]);
  });

  it.each([
    ['a closing date in the past', 'peiling start alle teams 2026-11-01', "De sluitdatum '2026-11-01' kan niet"],
    ['31 February', 'peiling start alle teams 31-02-2027', "'31-02-2027' is geen datum die ik ken"],
    ['a closing date two years ahead', 'peiling start alle teams 2028-11-01', "De sluitdatum '2028-11-01' kan niet"],
    ['extra words after the date (emoji)', 'peiling start alle teams 2026-12-04 graag 🙂🙂', 'Dit begreep ik niet: graag 🙂🙂'],
    ['no team', 'peiling start 2026-12-04', 'Ik mis voor welk team'],
    ['an unknown team', 'peiling start Zorgteam West 2026-12-04', "Ik ken geen team 'Zorgteam West'"],
    ['"dit team" in a personal chat', 'peiling start dit team 2026-12-04', 'Dit is geen teamkanaal'],
  ])('guard: HR with %s gets a clear Dutch reply, and no poll or poll job is stored', async (_name, command, reply) => {
    const before = t.connector.calls.length;
    await t.send(message(t.conversation('personal', 'a:hanna-personal'), HR, command));
    await d.settle();
    expect(said(before)).toContain(reply);
    expect(await polls()).toEqual([]);
    expect(await pollJobs()).toEqual([]);
  });

  it('attack: a pasted 15,000-character team name -> a reply that fits in a Teams message (not an echo Teams refuses), nothing stored', async () => {
    // Teams refuses a bot message over about 28 KB (413 RequestEntityTooLarge), as the connector here does.
    t.connector.faults = [(req) => (JSON.stringify(req.body ?? {}).length > 28_000 ? { status: 413 } : undefined)];
    const huge = 'Zorgteam 🙂 '.repeat(1250);
    let status = 0;
    const before = t.connector.calls.length;
    try {
      status = (await d.say(HR, noord, `peiling start ${huge} 2026-12-04`)).status;
      await d.settle();
    } finally {
      t.connector.faults = [];
    }
    expect(status).toBeLessThan(500);
    expect(said(before)).toContain('Ik ken geen team');
    expect(await polls()).toEqual([]);
  });

  it('attack: "peiling sluiten Zorgteam Noord" typed in Noord\'s channel while Zuid\'s poll is the latest -> closes Noord\'s, or closes nothing; never Zuid\'s', async () => {
    t.clock.set('2026-11-23T08:05:00Z');
    // Noord's poll first, then Zuid's: Zuid's is the latest open poll of the tenant.
    await t.send(message(t.conversation('personal', 'a:hanna-personal'), HR, 'peiling start Zorgteam Noord 2026-12-04'));
    await d.settle();
    t.clock.set('2026-11-23T08:06:00Z');
    await t.send(message(t.conversation('personal', 'a:hanna-personal'), HR, 'peiling start Zorgteam Zuid 2026-12-04'));
    await d.settle();
    const byTeam = async () => Object.fromEntries((await polls()).map((p) => [p.targets[0].teamName, p.status]));
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'open', 'Zorgteam Zuid': 'open' });
    const before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling sluiten Zorgteam Noord');
    await d.settle();
    const reply = said(before);
    const after = await byTeam();
    // Closing is final (results never change afterwards): the wrong team's poll closed early cannot be undone.
    expect({ after, reply }).toEqual({ after: expect.objectContaining({ 'Zorgteam Zuid': 'open' }), reply: expect.any(String) });
  });

  it('guard: an unknown verb ("peiling stop") answers with the help, and closes nothing', async () => {
    const open = (await polls()).filter((p) => p.status === 'open').length;
    const before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling stop');
    expect(said(before)).toContain('peiling sluiten');
    expect((await polls()).filter((p) => p.status === 'open').length).toBe(open);
  });
});
