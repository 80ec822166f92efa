/**
 * Found in review, stop 58 (fixed then: a share stored on the Action.Submit fallback sends the
 * presser no note in their own chat; the group's chat tells it, so no outbox job names them).
 *
 * A share is made on behalf of the group and names no one (README, "A group's proposal to L&O"):
 * a database reader cannot tie it to a member, by stored fields, `_ts`, or outbox jobs holding ids.
 * Before the fix, on the fallback the share's outcome went to the presser's own 1:1 chat through
 * the outbox: a job naming them (target.userId / appUserId), created in the same second as the
 * shared record, with the shared proposal in its payload until sent, and its target kept for 7 days.
 */
import { submit, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { decidedGroup, executeButton, summaryIn } from './support-shared-proposal';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];

describe('who shared with L&O, as a database reader sees the outbox', () => {
  let t: TestApp;
  let g: GroupDriver;
  let summaryId: string;
  let summary: any;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = await decidedGroup(t, '19:lo-share-presser@thread.v2', [anna, bram, cem], 'Goed', { decision: 'adapt', decisionReason: 'Omdat', adoptedText: 'ONZE-WOORDEN samen aan bed', firstStep: 'Rooster' });
    ({ summaryId, summary } = await summaryIn(t, g));
    await t.app.outbox.drain(10_000);
  }, 120_000);
  afterAll(() => t?.stop());

  it('a share on the Submit fallback leaves no outbox job naming the presser beside the share', async () => {
    const preview = (await g.press(bram, 'proposalToLo.preview', executeButton(summary, 'proposalToLo.preview').data, summaryId)).value;
    const share = executeButton(preview, 'proposalToLo.share');
    const jobsBefore = new Set((await t.store.container('outbox').items.query('SELECT c.id FROM c').fetchAll()).resources.map((d: any) => d.id));
    expect((await t.send(submit(g.conv, bram, share.fallback.data, summaryId))).status).toBe(200);
    await t.app.background.idle();
    const record = (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources[0];
    expect(record).toBeDefined();
    const newJobs = (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources.filter((d: any) => !jobsBefore.has(d.id));
    const naming = (d: any) => JSON.stringify(d).includes(bram.aadObjectId) || JSON.stringify(d).includes(bram.id);
    const beforeSend = newJobs.filter(naming).map((d: any) => ({ target: d.target, holdsProposal: JSON.stringify(d.payload ?? {}).includes('ONZE-WOORDEN'), sameSecondAsShare: Math.abs(d._ts - record._ts) <= 1 }));
    await t.app.outbox.drain(10_000);
    const kept = (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources.filter((d: any) => !jobsBefore.has(d.id) && naming(d));
    // Before the fix: one job to Bram's own chat, created with the record, holding the shared proposal; after it went out its target stayed (7 days).
    expect({ whileQueued: beforeSend, afterSent: kept.map((d: any) => ({ status: d.status, target: d.target })) }).toEqual({ whileQueued: [], afterSent: [] });
    // What the presser learns instead: the group's chat, where they pressed, gets the notice (naming no one).
    const notices = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).filter((c) => /^Gedeeld met L&O op/.test(cardText(c.card)));
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]!.card)).not.toMatch(/Bram|bram/);
  }, 60_000);
});
