/**
 * Stop 52: a disabled account (someone who left, their account kept with its manager) is nobody's
 * report. Mia manages Anna and Bram; Bram's account is disabled. With Microsoft Graph the half-year
 * nudges Mia about 1 report without a conversation, not 2; Noor, whose only report's account is
 * disabled, is not nudged; and Mia's plan form, which asks Graph for her reports, offers Anna only.
 * Before, both counted Bram (the scan and /directReports read no `accountEnabled`).
 */
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { FakeGraph } from '../support/fake-graph';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';

const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

describe('disabled accounts with Microsoft Graph', () => {
  let t: TestApp;
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    for (const [report, manager] of [['aad-anna', 'aad-mia'], ['aad-bram', 'aad-mia'], ['aad-cem', 'aad-noor']] as const) graph.managers.set(report, manager);
    graph.names.set('aad-anna', 'Anna').set('aad-bram', 'Bram');
    graph.disabled.add('aad-bram').add('aad-cem');
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', GRAPH_BASE_URL: graph.url }, '2026-11-23T09:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('counts no disabled account in the half-yearly nudge', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026, 09:00 Amsterdam
    await runAppAt(t, '2026-12-01T08:00:00Z');
    const mia = personalCardsTitled(t, 'aad-mia', MANAGER_TITLE).map(cardText);
    expect({ mia: mia.map((c) => c.match(/voor (\d+) van je directe medewerkers/)?.[1]), noor: personalCardsTitled(t, 'aad-noor', MANAGER_TITLE).length }).toEqual({ mia: ['1'], noor: 0 });
  }, 120_000);

  it("offers no disabled account on the manager's plan form", async () => {
    const chat = t.conversation('personal', 'a:personal-mia');
    const refused = await t.send(execute(chat, user('Mia'), 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-20', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-bram'));
    expect(JSON.stringify(refused.body)).not.toMatch(/Gepland|gepland op/);
    const planned = await t.send(execute(chat, user('Mia'), 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-20', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-anna'));
    expect(planned.status).toBe(200);
    const stored = (await t.store.container('reviews').items.query("SELECT c.reportId FROM c WHERE c.type = 'talentReview' OR IS_DEFINED(c.reportId)").fetchAll()).resources.map((r: { reportId: string }) => r.reportId);
    expect(stored).toEqual(['aad-anna']);
  }, 120_000);
});
