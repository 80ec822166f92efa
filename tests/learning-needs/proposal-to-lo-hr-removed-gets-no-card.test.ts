import { execute, TestUser, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { decidedGroup } from './support-shared-proposal';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/**
 * Found in review, stop 54 (fixed then: the card telling HR of a proposal a group shared, stop 48,
 * had no send-time check, so someone taken out of HR_USER_IDS while it waited in the outbox still
 * got it; the weekly L&O card is checked since stop 52, `weekly-lo-hr-removed.test.ts`). The share
 * card now carries the weekly card's check as its `sendIf` (`registerWeeklyLoCheck`, by HR alone).
 * Hanna is taken out of HR_USER_IDS (a restart with a new list) while her card about a share waits
 * in the outbox (Teams answered 503 for her chat at first): she gets nothing, her job is skipped
 * and keeps no card; Piet, still HR, gets his.
 */
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const [hanna, piet] = [user('Hanna'), user('Piet')];
const TITLE = /Een groepslid deelde dit voorstel namens de groep met L&O|A group member shared this proposal with L&O/;

describe('a share card queued for someone taken out of HR_USER_IDS before it went', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let second: TestApp | undefined;
  afterAll(async () => {
    if (second) await second.app.stop().catch(() => undefined);
    if (second) await second.connector.stop();
    await first?.connector.stop();
    await cosmos?.close();
  });

  it('Hanna, no longer HR when it is sent, gets no card about the share', async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet' }, '2026-11-23T08:00:00Z', { cosmos });
    const g = await decidedGroup(first, '19:share-hr-removed@thread.v2', [anna, bram, cem], 'Goed', { decisionReason: 'Omdat', firstStep: 'Stap', decision: 'adapt', adoptedText: 'SHARE-HR-REMOVED samen overdragen aan het bed.' });
    const proposalId = `${g.groupId}_w1_p`;
    await first.app.outbox.drain(10_000);
    const summary = first.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting|Summary/.test(cardText(c.card)));

    // Teams answers 503 for Hanna's 1:1 chat: her card waits in the outbox (retried later).
    first.connector.faults.push((req) => (req.method === 'POST' && req.path === '/v3/conversations' && req.body?.members?.[0]?.id === hanna.aadObjectId ? { status: 503 } : undefined));
    const res = await first.send(execute(g.conv, anna, 'proposalToLo.share', { groupId: g.groupId, proposalId }, summary!.call.id as string, 'share-hr-removed'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    // The notice goes out and its hook queues both HR cards; Hanna's is refused (503) and waits.
    // (The drain cannot end while her card waits: it is stopped with the first app.)
    const draining = first.app.outbox.drain(8_000).catch(() => undefined);
    const hrJobs = async () => ((await first.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources as Doc[]).filter((j) => j.target?.kind === 'person');
    const hers = async () => (await hrJobs()).find((j) => j.target.userId === hanna.aadObjectId);
    await waitUntil("Hanna's card refused once and waiting", async () => (await hers())?.status === 'pending' && (await hers())!.attempts >= 1);
    // Asked when it is sent whether she is still HR: the weekly card's check, by HR alone (no tenant).
    expect((await hers())!.sendIf).toEqual({ kind: 'learningNeeds.weekly.stillHr', args: { userId: hanna.aadObjectId } });

    await first.app.stop();
    await draining;
    first.connector.faults = [];
    second = await startTestApp({ HR_USER_IDS: 'aad-piet' }, '2026-11-23T09:00:00Z', { cosmos });
    await second.app.outbox.drain(30_000);
    const cardsTo = (who: TestUser) => first.connector.cards((c) => c.method === 'POST' && c.conversationId === first.connector.personalChats.get(who.aadObjectId)).filter(({ card }) => TITLE.test(cardText(card)));
    expect({ hanna: cardsTo(hanna).length, piet: cardsTo(piet).length }).toEqual({ hanna: 0, piet: 1 });
    // Skipped, not deleted (its key stays taken: a run again of the hook queues none), and no card kept.
    const left = (await hers())!;
    expect({ status: left.status, payload: left.payload }).toEqual({ status: 'skipped', payload: {} });
    expect(JSON.stringify(left)).not.toContain('SHARE-HR-REMOVED');
  }, 180_000);
});
