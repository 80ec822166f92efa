import type { IncomingMessage } from 'node:http';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { preferencesId } from '../../src/domain/verantwoording/preferences';
import { TestUser, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat, PersonalChat } from '../verantwoording/support';
import { groupWithQuestion9, passOn } from './support';

/**
 * An HR person's erasure that is under way while the weekly job queues their card (found in
 * review, stop 51): the erasure purged the outbox before the card was in it, so the job reads
 * their erasure ticket again after queueing and takes the card back. No timing: the job's read of
 * their language (between its first look and the queue) and the erasure's last step (the ticket's
 * delete) are held at the Cosmos proxy. (An HR person whose erasure finished before the job looked
 * is one of HR_USER_IDS like any other, and gets the week's card.)
 */
const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;

describe('an HR person erasing while the weekly job tells L&O', () => {
  let t: TestApp;
  const hanna = user('Hanna');
  const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
  afterAll(() => t?.stop());

  it('gets no weekly card, and the outbox keeps no job naming them', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true });
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    await new PersonalChat(t, hanna).say('help');
    await t.app.outbox.drain(30_000);
    t.connector.clear();

    const gate = cosmosGate(t.proxy!);
    const path = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);
    const languageRead = gate.hold((req) => req.method === 'GET' && path(req).endsWith(`/docs/${preferencesId(hanna.aadObjectId)}`));
    const ticketDelete = gate.hold((req) => req.method === 'DELETE' && path(req).endsWith(`/docs/${erasureTicketId(hanna.aadObjectId)}`));
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam
    const running = t.app.scheduler.runDue();
    await languageRead.arrived; // the job found no erasure ticket of Hanna's and is about to queue her card
    const erasing = eraseInChat(t, hanna);
    await ticketDelete.arrived; // her erasure purged the outbox and is about to end
    languageRead.release();
    await running;
    ticketDelete.release();
    await erasing;
    await t.app.outbox.drain(30_000);

    const toHanna = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${hanna.aadObjectId}`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));
    const toPiet = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-aad-piet`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    expect({ weeklyCardsToHanna: toHanna.length, outboxJobsNamingHer: jobs.filter((j) => JSON.stringify(j).includes(hanna.aadObjectId)).length }).toEqual({ weeklyCardsToHanna: 0, outboxJobsNamingHer: 0 });
    expect(toPiet).toHaveLength(1);
  }, 180_000);
});
