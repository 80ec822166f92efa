/**
 * Found in review, stop 63 (the keyed path production takes, under the share hook's run again).
 * The hook of a proposal shared with L&O tells HR_USER_IDS, then fails while Graph does not list
 * HR_GROUP_ID, so the outbox runs it again (proposal-to-lo-hr-group.test.ts). When the app is
 * updated meanwhile to one that keys private messages with POLL_HASH_KEY (stop 62), the run again
 * queued Hanna's card under the keyed key, which her card queued under the plain one did not hold:
 * she got it twice. A card found under the former key is now hers, as for the scheduled cards
 * (`formerKeyFirst`). No timing: each step waits for the state it needs.
 */
import { TestUser } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { FakeGraph } from '../support/fake-graph';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import { waitUntil } from '../outbox/wait-until';
import { decidedGroup } from './support-shared-proposal';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const OWN_WORDS = 'GROEPSWOORDEN: over de sleutel heen.';

describe('the share hook run again across the update to keyed private keys', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let graph: FakeGraph;
  let first: TestApp;
  let second: TestApp | undefined;
  afterAll(async () => {
    if (second) await second.app.stop().catch(() => undefined);
    if (second) await second.connector.stop();
    await first?.connector.stop();
    await cosmos?.close();
    await graph?.stop();
  });

  it('Hanna, told before the update, is not told again by the run again after it', async () => {
    cosmos = await startTestCosmos();
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna', 'aad-gina']));
    const env = { HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url };
    first = await startTestApp(env, '2026-11-23T08:00:00Z', { cosmos });
    const toldIn = (aadId: string) => first.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${aadId}`).filter(({ card }) => cardText(card).includes(OWN_WORDS));
    const told = () => ({ hanna: toldIn('aad-hanna').length, gina: toldIn('aad-gina').length });
    const listings = () => graph.requests.filter((r) => r.path === '/v1.0/groups/hr-group/transitiveMembers/microsoft.graph.user').length;

    const g = await decidedGroup(first, '19:plo-rekeyed@thread.v2', [anna, bram, cem], 'Goed', { decision: 'adapt', adoptedText: OWN_WORDS, firstStep: 'Morgen', decisionReason: 'Eenvoudig' });
    await first.app.outbox.drain(30_000);
    const summary = first.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card)))!;
    const preview = (await g.press(bram, 'proposalToLo.preview', actionData(summary.card, 'proposalToLo.preview')!, summary.call.id)).value;
    graph.failWhen = ({ path }) => (path.endsWith('/transitiveMembers/microsoft.graph.user') ? 503 : undefined);
    expect(cardText((await g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!, summary.call.id)).value)).toContain('Gedeeld met L&O op');
    const draining = first.app.outbox.drain(8_000).catch(() => undefined);
    await waitUntil('Hanna was told and the hook failed on the listing', () => told().hanna === 1 && listings() >= 1, { timeoutMs: 30_000 });
    await first.app.stop();
    await draining;

    // The update: the same database, now with the app's secret; Graph answers again.
    graph.failWhen = undefined;
    second = await startTestApp({ ...env, POLL_HASH_KEY: 'rekeyed-share-hook-'.padEnd(40, 'q') }, '2026-11-23T09:00:00Z', { cosmos });
    await waitUntil('Gina was told', async () => {
      await second!.app.outbox.drain(30_000);
      return told().gina === 1;
    }, { timeoutMs: 60_000 });
    expect(told()).toEqual({ hanna: 1, gina: 1 });
  }, 180_000);
});
