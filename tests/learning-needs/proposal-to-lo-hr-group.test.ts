/**
 * HR_GROUP_ID's members hear of a proposal a group shared with L&O as HR_USER_IDS do (stop 52),
 * listed through Microsoft Graph (the fake, one member a page: two pages) in the outbox's hook,
 * never in the press's turn. Hanna is in HR_USER_IDS and in the group, Gina only in the group.
 * Graph does not answer the listing when the group's notice went out: Hanna is told at once, Gina
 * when the hook runs again; nobody twice.
 */
import { TestUser, user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import { waitUntil } from '../outbox/wait-until';
import { decidedGroup } from './support-shared-proposal';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const OWN_WORDS = 'GROEPSWOORDEN: de overdracht doen we samen aan het bed.';

describe('the notice of a proposal shared with L&O to the members of HR_GROUP_ID', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const toldIn = (aadId: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${aadId}`).filter(({ card }) => cardText(card).includes(OWN_WORDS));
  const told = () => ({ hanna: toldIn('aad-hanna').length, gina: toldIn('aad-gina').length });
  const listings = () => graph.requests.filter((r) => r.path === '/v1.0/groups/hr-group/transitiveMembers/microsoft.graph.user').length;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna', 'aad-gina']));
    graph.pageSize = 1;
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('tells Hanna while Graph does not list the group, and Gina (second page) when the hook runs again', async () => {
    const g = await decidedGroup(t, '19:plo-group@thread.v2', [anna, bram, cem], 'Goed', { decision: 'adapt', adoptedText: OWN_WORDS, firstStep: 'Morgen', decisionReason: 'Eenvoudig' });
    await t.app.outbox.drain(30_000);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card)))!;
    const preview = (await g.press(bram, 'proposalToLo.preview', actionData(summary.card, 'proposalToLo.preview')!, summary.call.id)).value;

    graph.failWhen = ({ path }) => (path.endsWith('/transitiveMembers/microsoft.graph.user') ? 503 : undefined);
    const before = listings();
    const requestsInTurn = graph.requests.length;
    expect(cardText((await g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!, summary.call.id)).value)).toContain('Gedeeld met L&O op');
    // Not in the press's turn: Graph was not asked by it.
    expect(graph.requests.length).toBe(requestsInTurn);
    const drained = t.app.outbox.drain(60_000);
    await waitUntil('Hanna was told and the listing was tried twice', () => told().hanna === 1 && listings() - before >= 2, { timeoutMs: 30_000 });
    expect(told()).toEqual({ hanna: 1, gina: 0 });
    graph.failWhen = undefined;
    await drained;
    await waitUntil('Gina was told', async () => {
      await t.app.outbox.drain(30_000);
      return told().gina === 1;
    }, { timeoutMs: 30_000 });
    expect(told()).toEqual({ hanna: 1, gina: 1 });
    for (const line of t.logs) for (const id of ['aad-gina', 'aad-hanna']) expect(line).not.toContain(id);
  }, 180_000);
});
