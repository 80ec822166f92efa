/**
 * The half-yearly nudge to managers with Microsoft Graph (stop 52): the managers come from a scan
 * of every user's id and manager (the fake Graph, five users a page: two pages), so in production
 * managers are nudged too, not only with DIRECTORY_FILE.
 * Clock: Monday 23 November 2026; Hanna is HR. Mia manages Anna and Bram (Bram planned on 10
 * December); Noor manages Cem (planned on 14 December); Olga manages Dirk and Eva and is named her
 * own manager (an HR data error); Paul is named only his own manager.
 * 1. At the moment (09:00, Tuesday 1 December 2026) Graph does not answer the listing's second page:
 *    Hanna is reminded, no manager is nudged from the first page alone, and the job runs again.
 * 2. Graph answers again: Mia is nudged about 1 report, Olga about 2 (not herself); Noor (all
 *    planned) and Paul (nobody but himself) are not; nobody twice; no call per manager; the log
 *    names no one.
 */
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { FakeGraph } from '../support/fake-graph';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const MANAGERS = ['aad-mia', 'aad-noor', 'aad-olga', 'aad-paul'];

describe('the half-yearly nudge to the managers Microsoft Graph names', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const nudges = () => Object.fromEntries(MANAGERS.map((id) => [id, personalCardsTitled(t, id, MANAGER_TITLE).map(cardText)]));
  const counted = () => Object.fromEntries(Object.entries(nudges()).map(([id, cards]) => [id, cards.map((c) => c.match(/voor (\d+) van je directe medewerkers/)?.[1])]));

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    const reports: [string, string][] = [['aad-anna', 'aad-mia'], ['aad-bram', 'aad-mia'], ['aad-cem', 'aad-noor'], ['aad-dirk', 'aad-olga'], ['aad-eva', 'aad-olga'], ['aad-olga', 'aad-olga'], ['aad-paul', 'aad-paul']];
    for (const [report, manager] of reports) graph.managers.set(report, manager);
    graph.usersPageSize = 5; // nine people: Anna to Eva on the first page, Olga, Paul, Mia and Noor on the second
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', GRAPH_BASE_URL: graph.url }, '2026-11-23T09:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('nudges no manager while Graph does not answer a page of the listing, reminds HR, and runs again', async () => {
    const planFor = async (manager: string, reportId: string, date: string) => {
      const chat = t.conversation('personal', `a:personal-${manager.toLowerCase()}`);
      const res = await t.send(execute(chat, user(manager), 'review.plan.save', { reportId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${reportId}`));
      expect(res.status).toBe(200);
    };
    await planFor('Mia', 'aad-bram', '2026-12-10');
    await planFor('Noor', 'aad-cem', '2026-12-14');
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam

    graph.failWhen = ({ path, page }) => (path === '/v1.0/users' && page === 1 ? 503 : undefined);
    await runAppAt(t, '2026-12-01T08:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    expect(counted()).toEqual({ 'aad-mia': [], 'aad-noor': [], 'aad-olga': [], 'aad-paul': [] });
    expect(t.logs.some((l) => l.includes('the manager directory did not answer'))).toBe(true);
  }, 120_000);

  it('nudges the managers Graph names with their counts once it answers, never about themselves, nobody twice', async () => {
    graph.failWhen = undefined;
    const before = graph.requests.length;
    for (const at of ['2026-12-01T08:30:00Z', '2026-12-01T09:00:00Z', '2026-12-02T08:00:00Z', '2026-12-07T08:00:00Z']) await runAppAt(t, at);
    expect(counted()).toEqual({ 'aad-mia': ['1'], 'aad-noor': [], 'aad-olga': ['2'], 'aad-paul': [] });
    for (const card of nudges()['aad-olga']!) expect(card).not.toMatch(/Olga|Dirk|Eva/);
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    // One scan of two pages, and the reports taken from it: no call per manager.
    const during = graph.requests.slice(before);
    expect(during.filter((r) => r.path === '/v1.0/users')).toHaveLength(2);
    expect(during.filter((r) => r.path.endsWith('/directReports'))).toEqual([]);
    for (const line of t.logs) expect(line).not.toMatch(/aad-(mia|noor|olga|paul|anna|bram|cem|dirk|eva)/);
  }, 120_000);
});
