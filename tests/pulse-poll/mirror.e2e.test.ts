import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The B3 mirror goes back to the team: when a poll closes (by its date on the scheduler, or by
 * `peiling sluiten`), each team's channel gets its own team's results, under the same anonymity
 * rules, with an invitation to talk about them in the next session; through the outbox, once.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam; minimum 5.
 */
describe('the B3 mirror goes back to each team', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)], ['Vitale Weekcyclus']);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const weekcyclus = noord.channels[0]!.id;
  /** New messages (not updates) in a channel that invite the team to talk about its results. */
  const mirrors = (channelId: string) =>
    t.connector.cards((c) => c.method === 'POST' && c.conversationId === channelId).filter((c) => cardText(c.card).includes('volgende sessie'));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'mirror-test-key'.padEnd(40, 'm'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
    await d.say(HR, noord, 'peiling start alle teams 2026-12-04 kanaal Vitale Weekcyclus');
    await d.settle();
    const nc = d.pollCard(weekcyclus);
    for (const m of noord.members.slice(1, 6)) {
      await d.press(m, d.channel(noord, weekcyclus), 'pulse.answer', { pollId: nc.pollId, targetId: nc.targetId, ...scores(4), open: 'Geheime opmerking uit Noord' }, nc.id, noord);
    }
    const zc = d.pollCard(zuid.id);
    for (const m of zuid.members.slice(0, 2)) await d.press(m, d.channel(zuid), 'pulse.answer', { pollId: zc.pollId, targetId: zc.targetId, ...scores(1) }, zc.id, zuid);
  }, 120_000);
  afterAll(() => t.stop());

  it('at the closing date, each team\'s channel gets its own results card, figures only above the minimum', async () => {
    expect(mirrors(weekcyclus)).toEqual([]);
    t.clock.set('2026-12-04T23:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();

    const [noordMirror] = mirrors(weekcyclus);
    expect(noordMirror).toBeDefined();
    const text = cardText(noordMirror!.card);
    expect(text).toContain('Zorgteam Noord');
    expect(text).toMatch(/Boeien\n75/);
    expect(text).toContain('5 van 7');
    expect(text).not.toContain('Zorgteam Zuid');
    expect(text).not.toContain('Geheime opmerking');
    expect(noordMirror!.card.refresh).toBeUndefined(); // the same for everyone in the channel
    expect(cardProblems(noordMirror!.card)).toEqual([]);

    const [zuidMirror] = mirrors(zuid.id);
    expect(zuidMirror).toBeDefined();
    expect(cardText(zuidMirror!.card)).toContain('Zorgteam Zuid');
    expect(cardText(zuidMirror!.card)).not.toMatch(/Boeien\n\d/);
    expect(JSON.stringify(zuidMirror!.card)).not.toContain('Chart.');
    expect(cardProblems(zuidMirror!.card)).toEqual([]);
  });

  it('posts each team\'s results once, also when the closing runs again (after a crash before it was noted)', async () => {
    const poll = (await t.cosmos.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources[0];
    // As if the process died after queuing the messages but before noting that they were queued.
    const { announcedAt: _noted, ...unnoted } = poll;
    await t.cosmos.container('polls').item(poll.id, poll.pollId).replace(unnoted);
    await t.app.scheduler.schedule({ id: `pulse.close:${poll.id}:again`, kind: 'pulse.close', dueAt: t.clock.now().toISOString(), payload: { pollId: poll.id } });
    await t.app.scheduler.runDue();
    await d.settle();
    expect(mirrors(weekcyclus)).toHaveLength(1);
    expect(mirrors(zuid.id)).toHaveLength(1);
  });

  it('closing early with "peiling sluiten" mirrors the results the same way', async () => {
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-18');
    await d.settle();
    const card = d.pollCard(noord.id);
    for (const m of noord.members.slice(1, 7)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(5) }, card.id, noord);
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const [mirror] = mirrors(noord.id);
    expect(mirror).toBeDefined();
    expect(cardText(mirror!.card)).toMatch(/Boeien\n100/);
    expect(cardText(mirror!.card)).toContain('6 van 7');
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    expect(mirrors(noord.id)).toHaveLength(1);
  });
});
