import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { added, numbersIn, showsFigures } from './support/card-figures';

/**
 * The B3-spiegel against the people who use it: a member, a team owner and HR try to learn what
 * one colleague answered from what the app shows them. Every attempt must come away with nothing
 * more than response counts (while the poll is open) or aggregates of at least the minimum
 * (after it closed). Clock: Monday 23 November 2026, 09:00 in Amsterdam; minimum 5.
 */
describe('B3-spiegel privacy: what members, team owners and HR can learn through the app', () => {
  let t: TestApp;
  let d: PulseDriver;
  let graph: FakeGraph;
  const owner = user('Olga');
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, owner, ...members('noord', 7)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 6));
  const west: TestTeam = team('Zorgteam West', 'west', members('west', 6));
  const member = noord.members[7]!; // noord5: has not answered yet
  const answer = (who: (typeof noord.members)[number], x: TestTeam, values: Record<string, string>, open = '') => {
    const card = d.pollCard(x.id);
    return d.press(who, d.channel(x), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...values, open }, card.id, x);
  };
  /** The readings of the three app readers, in the Noord channel. */
  const readings = async () => ({
    hr: await d.read(HR, noord, 'peiling resultaten'),
    hrStatus: await d.read(HR, noord, 'peiling status'),
    owner: await d.read(owner, noord, 'peiling resultaten'),
    member: await d.read(member, noord, 'peiling resultaten'),
  });

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.owners.set(noord.aadGroupId, new Set([owner.aadObjectId]));
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'privacy-readers-key'.padEnd(40, 'r'), B3_MIN_RESPONDENTS: '5', GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    for (const x of [noord, zuid, west]) await d.install(x);
    await d.say(HR, noord, 'peiling start alle teams 2026-12-04');
    await d.settle();
    // Five of Noord answer 3 on every statement.
    for (const m of noord.members.slice(2, 7)) await answer(m, noord, scores(3));
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('interim results: while the poll is open, HR, the team owner and a member see who-many and days left, never a score', async () => {
    const seen = await readings();
    for (const [reader, card] of Object.entries(seen)) expect({ reader, figures: showsFigures(card) }).toEqual({ reader, figures: false });
    // The response rate is what they may see.
    for (const card of [seen.hr, seen.hrStatus, seen.owner, seen.member]) expect(cardText(card)).toContain('5 van 9');
  });

  it('one more answer between two readings changes nothing but the count', async () => {
    const before = await readings();
    await answer(member, noord, scores(5)); // the sixth answer: all 5s
    const after = await readings();
    // 6 of 9 (67%); overall 6 of 21 (29%).
    const allowed = [6, 67, 29];
    for (const reader of Object.keys(before) as (keyof typeof before)[]) {
      const fresh = added(numbersIn(before[reader]), numbersIn(after[reader])).filter((n) => !allowed.includes(n));
      expect({ reader, fresh }).toEqual({ reader, fresh: [] });
      expect({ reader, figures: showsFigures(after[reader]) }).toEqual({ reader, figures: false });
    }
  });

  it('after closing, figures never change: a late answer is refused and the results stay the same', async () => {
    for (const [i, m] of zuid.members.slice(0, 5).entries()) await answer(m, zuid, scores(((i % 5) + 1) as 1 | 2 | 3 | 4 | 5), `Zuid zegt ${i}`);
    for (const m of west.members.slice(0, 2)) await answer(m, west, scores(1), 'Opmerking uit west');
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const first = await d.read(HR, noord, 'peiling resultaten');
    expect(showsFigures(first)).toBe(true);
    const late = await answer(noord.members[8]!, noord, scores(1));
    expect(cardText(late.value)).toContain('gesloten');
    const again = await d.read(HR, noord, 'peiling resultaten');
    const figureLines = (card: unknown) => cardText(card).split('\n').filter((l) => /^\d+( \(|$)/.test(l) || /van \d+/.test(l));
    expect(figureLines(again)).toEqual(figureLines(first));
  });

  it('overall minus every shown team isolates nobody: West (2 answers) cannot be worked out from any card or report', async () => {
    const results = cardText(await d.read(HR, noord, 'peiling resultaten'));
    const overall = results.slice(0, results.indexOf('Per team'));
    // Were the overall shown, overall x 12 - Noord x 6 - Zuid x 5 would be West's two answers.
    expect(showsFigures(overall)).toBe(false);
    const westBlock = results.slice(results.indexOf('Zorgteam West'), results.indexOf('Zorgteam Zuid'));
    expect(westBlock).toContain('Te weinig reacties');
    expect(showsFigures(westBlock)).toBe(false);
    expect(results).not.toContain('Opmerking uit west');

    // The HR report: per team, West without scores, and no overall to subtract from.
    // HR's own view of the report (the channel card is refreshed for the asker alone).
    const report = await d.read(HR, noord, 'rapport 2026-11-01 2026-12-31');
    const link = new URL(report.actions[0].url);
    const csv: { section: string; key: string; metric: string; value: string }[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
    const b3 = csv.filter((r) => r.section === 'b3');
    expect(b3.filter((r) => r.key.startsWith('Zorgteam West') && r.metric !== 'respondents' && r.value !== '')).toEqual([]);
    expect(b3.filter((r) => !/^Zorgteam (Noord|Zuid|West) /.test(r.key))).toEqual([]);
    for (const card of [...t.connector.cards().map((c) => c.card), report]) {
      const text = cardText(card);
      if (text.includes('Alle teams samen')) expect(showsFigures(text.slice(0, text.indexOf('Per team') >= 0 ? text.indexOf('Per team') : undefined))).toBe(false);
    }
  });

  it('two polls of the same team: an earlier hidden result cannot be recovered from a later trend', async () => {
    await d.say(HR, noord, 'peiling start Zorgteam West 2026-12-18');
    await d.settle();
    for (const m of west.members.slice(0, 5)) await answer(m, west, scores(4));
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const text = cardText(await d.read(HR, noord, 'peiling resultaten'));
    expect(showsFigures(text)).toBe(true);
    // Last time West had 2 answers (hidden): a "change" now would give those two away.
    expect(text).not.toMatch(/t\.o\.v\. vorige peiling/);
  });

  it('two polls of the same team never run at once, not even when started at the same moment', async () => {
    await Promise.all([d.say(HR, noord, 'peiling start Zorgteam Zuid 2026-12-18'), d.say(HR, zuid, 'peiling start alle teams 2026-12-18')]);
    const { resources } = await t.cosmos.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll' AND c.status = 'open'").fetchAll();
    const coveringZuid = resources.filter((p) => p.targets.some((x: { teamId: string }) => x.teamId === zuid.id));
    expect(coveringZuid).toHaveLength(1);
    await d.say(HR, noord, 'peiling start Zorgteam Zuid 2026-12-18');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('loopt al een peiling');
  });
});
