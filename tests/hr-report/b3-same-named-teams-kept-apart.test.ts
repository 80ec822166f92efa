import { parse } from 'csv-parse/sync';
import { computeReport, ReportInput } from '../../src/domain/hr-report/report';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found by a reviewer's probe, stop 51: the B3-spiegel over the new year. HR polls all teams in
 * December (closing 31 Dec) and again in January (closing 15 Jan). Three locations each have a
 * team named "Zorgteam" (Teams allows the same name twice; they are different teams, with other
 * people). The HR report for December-January gives "B3 trends per team": each team's own polls,
 * under a name of its own, and a team below the minimum stays without figures.
 */
describe('B3 trends per team when teams share a name', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Zorgteam', 'zorg-west', [HR, ...members('west', 5)]);
  const oost: TestTeam = team('Zorgteam', 'zorg-oost', [HR, ...members('oost', 5)]);
  // Two answers a poll: below the minimum of 5, in every poll.
  const noord: TestTeam = team('Zorgteam', 'zorg-noord', [HR, ...members('noord', 2)]);
  let csvRows: Record<string, string>[] = [];
  let reportJson: object = {};
  let card = '';

  async function poll(closesOn: string, closeAt: string) {
    await d.say(HR, west, `peiling start alle teams ${closesOn}`);
    await d.settle();
    for (const [x, score] of [[west, 1], [oost, 5], [noord, 3]] as const) {
      const c = d.pollCard(x.id);
      for (const m of x.members.slice(1)) await d.press(m, d.channel(x), 'pulse.answer', { pollId: c.pollId, targetId: c.targetId, ...scores(score) }, c.id, x);
    }
    t.clock.set(closeAt);
    await t.app.scheduler.runDue();
    await d.settle();
  }

  /** The b3 rows of one metric, per team label (the key without its closing date). */
  const series = (metric: string) => {
    const byTeam = new Map<string, string[]>();
    for (const r of csvRows.filter((x) => x.section === 'b3' && x.metric === metric)) {
      const label = r.key!.replace(/ \d{4}-\d{2}-\d{2}$/, '');
      byTeam.set(label, [...(byTeam.get(label) ?? []), r.value!]);
    }
    return byTeam;
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-s51-same-name'.padEnd(40, 's'), B3_MIN_RESPONDENTS: '5' }, '2026-12-14T09:00:00Z');
    d = new PulseDriver(t);
    await d.install(west);
    await d.install(oost);
    await d.install(noord);
    await poll('2026-12-31', '2026-12-31T23:30:00Z');
    t.clock.set('2027-01-05T09:00:00Z');
    await poll('2027-01-15', '2027-01-15T23:30:00Z');
    t.clock.set('2027-01-20T09:00:00Z');
    const report = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, 'rapport 2026-12-01 2027-01-31');
    reportJson = report;
    card = cardText(report);
    const link = new URL(report.actions[0].url);
    csvRows = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true, bom: true });
  }, 180_000);
  afterAll(() => t.stop());

  it('the CSV names each team\'s poll by a key of its own (no two rows of one metric under one key)', () => {
    const b3 = csvRows.filter((r) => r.section === 'b3' && r.metric === 'boeien');
    expect(b3).toHaveLength(6);
    expect(new Set(b3.map((r) => r.key)).size).toBe(6);
  });

  it('each team\'s trend holds only its own polls: a steady 0 in one, a steady 100 in the other, never one team swinging between them', () => {
    const boeien = series('boeien');
    expect(boeien.size).toBe(3);
    for (const label of boeien.keys()) expect(label).toMatch(/^Zorgteam #[0-9a-f]{4,}$/);
    expect([...boeien.values()].map((v) => v.join(',')).sort()).toEqual([',', '0,0', '100,100']);
    // The card: each team's two polls under its own name, none folded into "eerdere peilingen".
    for (const [label] of boeien) expect((card.match(new RegExp(`${label} \\(`, 'g')) ?? []).length).toBe(2);
    expect(card).not.toMatch(/eerdere peiling/);
    expect(cardProblems(reportJson)).toEqual([]);
  });

  it('splitting the teams lowers no minimum: the team of two answers has no figures in either poll, only its count', () => {
    const respondents = series('respondents');
    const boeien = series('boeien');
    const small = [...respondents.entries()].find(([, v]) => v.join(',') === '2,2');
    expect(small).toBeDefined();
    expect(boeien.get(small![0])).toEqual(['', '']);
    for (const metric of ['binden', 'behouden']) expect(series(metric).get(small![0])).toEqual(['', '']);
    expect((card.match(/te weinig reacties/g) ?? []).length).toBe(2);
  });
});

/** The report itself: by team id where the source gives it, by name for a source (or an old record) without one. */
describe('B3 teams in the report, by id and by name', () => {
  const input = (b3: ReportInput['b3']): ReportInput => ({ period: { from: '2026-12-01', to: '2027-01-31' }, asOf: '2027-01-20T09:00:00Z', timeZone: 'Europe/Amsterdam', sessionHours: 1, sessions: [], proposals: [], b3 });
  const s = (x: number) => ({ boeien: x, binden: x, behouden: x });

  it('keeps polls without a team id together by name, as before', () => {
    const report = computeReport(input([
      { team: 'Zorgteam', closedOn: '2026-12-31', respondents: 5, scores: s(0) },
      { team: 'Zorgteam', closedOn: '2027-01-15', respondents: 6, scores: s(10) },
    ]));
    expect(report.b3).toEqual([{ team: 'Zorgteam', polls: [{ closedOn: '2026-12-31', respondents: 5, scores: s(0) }, { closedOn: '2027-01-15', respondents: 6, scores: s(10) }] }]);
  });

  it('keeps a renamed team one team under its latest name, and marks a name only where two teams share it, the same mark in every report', () => {
    const rows: ReportInput['b3'] = [
      { team: 'Zorg West', teamId: 'w', closedOn: '2026-12-31', respondents: 5, scores: s(0) },
      { team: 'Zorgteam', teamId: 'w', closedOn: '2027-01-15', respondents: 5, scores: s(0) },
      { team: 'Zorgteam', teamId: 'o', closedOn: '2027-01-15', respondents: 5, scores: s(100) },
      { team: 'Thuiszorg', teamId: 't', closedOn: '2027-01-15', respondents: 5, scores: s(50) },
    ];
    const report = computeReport(input(rows));
    expect(report.b3[0]).toEqual({ team: 'Thuiszorg', polls: [{ closedOn: '2027-01-15', respondents: 5, scores: s(50) }] });
    const zorg = report.b3.slice(1);
    expect(zorg.map((x) => x.team)).toEqual(expect.arrayContaining([expect.stringMatching(/^Zorgteam #[0-9a-f]{4}$/), expect.stringMatching(/^Zorgteam #[0-9a-f]{4}$/)]));
    expect(new Set(zorg.map((x) => x.team)).size).toBe(2);
    expect(zorg.find((x) => x.polls.length === 2)!.polls.map((p) => p.scores!.boeien)).toEqual([0, 0]);
    // Another period, the same marks.
    const again = computeReport({ ...input(rows), period: { from: '2027-01-01', to: '2027-01-31' } });
    expect(again.b3.slice(1).map((x) => x.team).sort()).toEqual(zorg.map((x) => x.team).sort());
  });
});
