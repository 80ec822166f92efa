import type { IncomingMessage } from 'node:http';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { loNoticeKey } from '../../src/usecases/proposal-to-lo/proposal-to-lo';
import { execute, TestUser, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { eraseInChat, PersonalChat } from '../verantwoording/support';
import { decidedGroup as decidedAndEnded } from './support-shared-proposal';

/**
 * Found in review, stop 54 (fixed then: the card telling HR of a proposal a group shared, queued
 * by the group notice's outbox hook, went to an HR person whose erasure was under way, and the
 * outbox kept a job naming them after their erasure; the weekly L&O card had that check since
 * stop 51, `weekly-to-lo-erasure-under-way.test.ts`). The hook now reads each HR person's erasure
 * ticket before it queues their card, and again after: a card queued while their erasure purged
 * the outbox is taken back. No timing: the requests that matter are held at the Cosmos proxy.
 * 1. Hanna (HR) erases while the hook runs, before it looked: her erasure purged the outbox and
 *    holds at its last step (the ticket's delete) while the hook marks the record and goes on.
 * 2. Hanna erases between the hook's first look and her card's create (held): the hook's second
 *    read finds her ticket and takes the card back (the sender's claim of it is held meanwhile,
 *    so it cannot go out before).
 * Either way: no card to Hanna, no outbox job naming her; Piet (HR) gets his.
 */
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const TITLE = /Een groepslid deelde dit voorstel namens de groep met L&O|A group member shared this proposal with L&O/;
const path = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);

/** A decided, ended session whose summary card offers the share; Hanna has a 1:1 chat with the app. */
async function decidedGroup(t: TestApp, chatId: string) {
  await new PersonalChat(t, hanna).say('help');
  const g = await decidedAndEnded(t, chatId, [anna, bram, cem], 'Goed', { decisionReason: 'Omdat', firstStep: 'Stap', decision: 'adapt', adoptedText: 'Samen overdragen aan het bed.' });
  const proposalId = `${g.groupId}_w1_p`;
  await t.app.outbox.drain(10_000);
  const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting|Summary/.test(cardText(c.card)));
  t.connector.clear();
  const share = async () => {
    const res = await t.send(execute(g.conv, anna, 'proposalToLo.share', { groupId: g.groupId, proposalId }, summary!.call.id as string, `share-${chatId}`));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
  };
  return { g, share };
}

async function outcome(t: TestApp) {
  const cardsTo = (id: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(id)).filter(({ card }) => TITLE.test(cardText(card)));
  const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
  return { cardsToPiet: cardsTo('aad-piet').length, shareCardsToHanna: cardsTo(hanna.aadObjectId).length, outboxJobsNamingHer: jobs.filter((j) => JSON.stringify(j).includes(hanna.aadObjectId)).length };
}

// Both ways the app keys its private messages: plain (local runs) and with POLL_HASH_KEY, as in
// production, where her card's job goes by the keyed key (covered since stop 63).
describe.each([
  ['plain keys', {}],
  ['keys keyed with POLL_HASH_KEY', { POLL_HASH_KEY: 'share-hr-erasing-keyed-'.padEnd(40, 'k') }],
])('an HR person erasing while the share hook tells L&O (%s)', (_keys, keyEnv: Record<string, string>) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('erasing before the hook looked: gets no share card, and the outbox keeps no job naming them', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet', ...keyEnv }, '2026-11-23T08:00:00Z', { proxy: true });
    const app = t;
    const { share } = await decidedGroup(app, '19:share-hr-erasing-before@thread.v2');

    const gate = cosmosGate(app.proxy!);
    const markNoticed = gate.hold((req) => req.method === 'PUT' && /\/colls\/installations\/docs\/plo_/.test(path(req)));
    const ticketDelete = gate.hold((req) => req.method === 'DELETE' && path(req).endsWith(`/docs/${erasureTicketId(hanna.aadObjectId)}`));

    await share();
    const sending = app.app.outbox.drain(30_000); // the group's notice goes out; its hook marks the record
    await markNoticed.arrived; // the hook is about to mark the record, then queue each HR person's card
    const erasing = eraseInChat(app, hanna);
    await ticketDelete.arrived; // her erasure purged the outbox and is about to end
    markNoticed.release();
    await sending;
    ticketDelete.release();
    await erasing;
    await app.app.outbox.drain(30_000);

    expect(await outcome(app)).toEqual({ cardsToPiet: 1, shareCardsToHanna: 0, outboxJobsNamingHer: 0 });
  }, 180_000);

  it('erasing after the hook looked, before her card was queued: the card is taken back', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet', ...keyEnv }, '2026-11-23T08:00:00Z', { proxy: true });
    const app = t;
    const { g, share } = await decidedGroup(app, '19:share-hr-erasing-after@thread.v2');
    await share();
    const record = (await app.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${g.groupId}'`).fetchAll()).resources[0];
    const herJob = jobIdFor(app.app.outbox.privateKey(loNoticeKey(record.id, hanna.aadObjectId)));

    const gate = cosmosGate(app.proxy!);
    const isOutboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test(path(req)) && String(req.headers['x-ms-documentdb-partitionkey'] ?? '').includes(herJob);
    const herCreate = gate.hold(isOutboxCreate);
    // The sender's claim of her card (if it comes to it before the hook's second read): held, so nothing goes out meanwhile.
    const herClaim = gate.hold((req) => (req.method === 'PUT' || req.method === 'PATCH') && path(req).endsWith(`/docs/${herJob}`));
    const ticketDelete = gate.hold((req) => req.method === 'DELETE' && path(req).endsWith(`/docs/${erasureTicketId(hanna.aadObjectId)}`));

    const sending = app.app.outbox.drain(30_000);
    await herCreate.arrived; // the hook found no erasure ticket of hers and is queuing her card
    const erasing = eraseInChat(app, hanna);
    await ticketDelete.arrived; // her erasure purged the outbox (her card not in it yet) and is about to end
    herCreate.release();
    await waitUntil('the share hook ran to its end', async () => app.logs.some((l) => l.includes('shared proposal told to L&O') && l.includes(record.id)));
    herClaim.release();
    await sending;
    ticketDelete.release();
    await erasing;
    await app.app.outbox.drain(30_000);

    expect(await outcome(app)).toEqual({ cardsToPiet: 1, shareCardsToHanna: 0, outboxJobsNamingHer: 0 });
    // Counts only: told Piet, not Hanna, and nobody named.
    const line = JSON.parse(app.logs.find((l) => l.includes('shared proposal told to L&O') && l.includes(record.id))!);
    expect({ told: line.told, erasing: line.erasing }).toEqual({ told: 1, erasing: 1 });
    expect(JSON.stringify(line)).not.toContain(hanna.aadObjectId);
  }, 180_000);
});
