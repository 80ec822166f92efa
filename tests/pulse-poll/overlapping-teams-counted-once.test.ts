import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { buildResults, tallyOfScores } from '../../src/domain/pulse-poll/results';

/**
 * Found in review of B3 poll answering. Two overlapping teams in one "alle teams" poll (a
 * department team and a sub-team, a common shape in Teams): Noord has HR and five nurses; Wijk
 * has the same five nurses and two more. Eight different people, each can answer once (one
 * marker per poll and person), and all eight do. HR's all-teams line said "8 van 13 (62%)": the
 * base summed each team's size, counting a shared member twice though they can answer once.
 * What must hold: the all-teams base is the people the poll reached, each once ("8 van 8"), while
 * each team's own line keeps its own size; the closed results use the same base; and the rule
 * that withholds the all-teams figures when they would expose a hidden team is unchanged.
 */
describe('the all-teams response of two overlapping teams', () => {
  let t: TestApp;
  let d: PulseDriver;
  const nurses = members('noord', 5);
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...nurses]);
  const wijk: TestTeam = team('Wijkteam', 'wijk', [...nurses, ...members('wijk', 2)]);
  const hrChat = () => t.conversation('personal', 'a:hanna-personal');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'overlap-'.padEnd(40, 'o'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(wijk);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('counts every person once in the all-teams line, and each team by its own size', async () => {
    for (const who of noord.members) await d.answerOnCard(noord, who);
    for (const who of wijk.members.slice(5)) await d.answerOnCard(wijk, who);
    // A shared member pressing Wijk's card too is refused as a second answer: eight answers in all.
    const again = await d.answerOnCard(wijk, nurses[0]!);
    expect(cardText(again.value)).toContain('al ingevuld');

    const before = t.connector.calls.length;
    await t.send(message(hrChat(), HR, 'peiling status'));
    await d.settle();
    const status = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === 'a:hanna-personal' && c.activity?.attachments?.length).at(-1);
    const lines = cardText(status!.activity.attachments[0].content).split('\n');
    const line = (label: string) => lines[lines.indexOf(label) + 1];
    expect({ allTeams: line('Alle teams samen'), wijk: line('Wijkteam'), noord: line('Zorgteam Noord') }).toEqual({
      allTeams: '8 van 8 (100%)',
      wijk: '2 van 7 (29%)',
      noord: '6 van 6 (100%)',
    });
  }, 120_000);
});

describe('closed results of overlapping teams', () => {
  const all = (v: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(ITEM_IDS.map((id) => [id, v])) as Record<(typeof ITEM_IDS)[number], 1 | 2 | 3 | 4 | 5>;
  /** A closed poll of three teams; b shares 4 of its 8 members with a, c shares 1 of its 4. */
  const poll: Poll = {
    id: 'p', pollId: 'p', type: 'poll', tenantId: 't', scope: { kind: 'all' }, language: 'nl', delivery: 'channel', privateNudges: false, status: 'closed',
    opensAt: '2026-11-23', closesOn: '2026-12-04', closesAt: '2026-12-04T23:00:00Z', reminders: [],
    targets: [
      { id: 'a', teamId: 'A', teamName: 'A', channelId: 'A', serviceUrl: 'x', delivered: true, memberCount: 10 },
      { id: 'b', teamId: 'B', teamName: 'B', channelId: 'B', serviceUrl: 'x', delivered: true, memberCount: 8, sharedMembers: 4 },
      { id: 'c', teamId: 'C', teamName: 'C', channelId: 'C', serviceUrl: 'x', delivered: true, memberCount: 4, sharedMembers: 1 },
    ],
    hrChannel: { conversationId: 'c', serviceUrl: 'x' },
  };
  const results = (counts: Record<string, number>) =>
    buildResults({ poll, teams: Object.fromEntries(Object.entries(counts).map(([id, n]) => [id, tallyOfScores(Array.from({ length: n }, () => all(3)))])), minRespondents: 5 }, []);

  it('bases the overall response on the people reached once, each team on its own size', () => {
    const r = results({ a: 6, b: 5, c: 2 });
    expect({ overall: [r.overall.memberCount, r.overall.responseRate], teams: r.teams.map((x) => [x.memberCount, x.responseRate]) }).toEqual({
      overall: [17, 76],
      teams: [[10, 60], [8, 63], [4, 50]],
    });
  });

  it('still withholds the overall figures when they would expose a team below the minimum', () => {
    expect(results({ a: 6, b: 5, c: 2 }).overall.figures).toBeUndefined();
    expect(results({ a: 6, b: 5, c: 0 }).overall.figures).toBeDefined();
  });
});
