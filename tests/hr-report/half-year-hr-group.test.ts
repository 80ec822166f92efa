/**
 * HR_GROUP_ID's members get the half-yearly reminder as HR_USER_IDS do (stop 52), listed through
 * Microsoft Graph (the fake, one member a page: two pages). Hanna is in HR_USER_IDS and in the
 * group, Gina only in the group. Graph does not answer the listing at the moment (09:00, Tuesday 1
 * December 2026): Hanna is reminded at once; Gina when the job runs again, and Hanna not twice.
 */
import { user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';
import { personalCardsTitled } from '../support/hr-report';

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';

describe('the half-yearly reminder to the members of HR_GROUP_ID', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const reminded = () => ({ hanna: personalCardsTitled(t, 'aad-hanna', HR_TITLE).length, gina: personalCardsTitled(t, 'aad-gina', HR_TITLE).length });
  const listings = () => graph.requests.filter((r) => r.path === '/v1.0/groups/hr-group/transitiveMembers/microsoft.graph.user').length;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna', 'aad-gina']));
    graph.pageSize = 1;
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url }, '2026-11-23T09:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('reminds Hanna while Graph does not list the group, and Gina (second page) when the job runs again; nobody twice', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam
    graph.failWhen = ({ path }) => (path.endsWith('/transitiveMembers/microsoft.graph.user') ? 503 : undefined);
    await runAppAt(t, '2026-12-01T08:00:00Z');
    expect(reminded()).toEqual({ hanna: 1, gina: 0 });
    expect(t.logs.some((l) => l.includes('HR_GROUP_ID could not be listed'))).toBe(true);
    graph.failWhen = undefined;
    const before = listings();
    for (const at of ['2026-12-01T08:30:00Z', '2026-12-01T09:00:00Z', '2026-12-02T08:00:00Z']) await runAppAt(t, at);
    expect(listings() - before).toBe(2);
    expect(reminded()).toEqual({ hanna: 1, gina: 1 });
    for (const line of t.logs) for (const id of ['aad-gina', 'aad-hanna']) expect(line).not.toContain(id);
  }, 120_000);
});
