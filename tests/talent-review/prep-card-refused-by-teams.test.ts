import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const NOTE = 'Anna wil leren presenteren';

/**
 * Teams refuses the scheduled prep card for good (413 MessageSizeTooBig, as a card with a
 * half-year of reflections was; or 403 when Mia blocked the bot). Nothing reached Mia, yet the
 * review recorded the card as sent: planning the conversation again told her she "already
 * received the prep card", and no card ever followed. Now it counts as received only once it
 * arrived; a refusal is recorded, and planning again sends it. Found in review, stop 38. Since
 * stop 39 planning again also says the earlier card did not arrive.
 */
describe('a prep card Teams refused is not "received"', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const plan = (prepDays: string) => t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays }, 'plan-card'));
  const review = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
  const prepCardsLanded = (from = 0) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(NOTE));
  /** Teams refuses every new message in Mia's chat, with this status, until the test stops it. */
  const refuseMiasMessages = (status: number, code: string) => t.connector.faults.push((req) => (req.method === 'POST' && req.conversationId === 'a:personal-mia' ? { status, code } : undefined));
  const sendDuePreps = async (at: string) => {
    t.clock.set(at);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
  };

  beforeEach(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    // The scheduled card's send waits 2 s for Teams, not production's 20 s: while every try answers
    // 503 (the transient case), the job's turn would otherwise sit out the whole wait before it
    // leaves the card to the sender. Several tries with back-off still fit in it.
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-27T10:00:00Z', { outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 2_000 } });
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: NOTE, shared: true });
  });
  afterEach(() => t.stop());

  it('413: planning again does not say it was received, and the card comes as newly planned', async () => {
    await plan('3');
    refuseMiasMessages(413, 'MessageSizeTooBig');
    await sendDuePreps('2026-12-07T08:00:00Z');
    t.connector.faults.length = 0;
    expect(prepCardsLanded()).toEqual([]);
    expect({ sent: (await review()).prepSentAt, notDelivered: (await review()).prepNotDelivered?.count }).toEqual({ sent: undefined, notDelivered: 1 });
    // Mia plans the same conversation again (one day's notice instead of three).
    const answer = cardText((await plan('1')).body.value);
    expect(answer).toContain('Gepland: gesprek met Anna');
    expect(answer).toContain('De voorbereidingskaart komt op wo 9 december');
    expect(answer).not.toContain('kreeg je al op');
    // And why it comes again (stop 39): she never saw the first one.
    expect(answer).toContain('De voorbereidingskaart van ma 7 december kwam niet aan');
    await sendDuePreps('2026-12-09T08:00:00Z');
    expect(prepCardsLanded()).toHaveLength(1);
    expect((await review()).prepSentAt).toBe('2026-12-09T08:00:00.000Z');
    // Now it did arrive: planning again says so.
    expect(cardText((await plan('1')).body.value)).toContain('kreeg je al op');
  });

  it('403: planned again unchanged once Mia unblocked the bot, the card comes now', async () => {
    await plan('3');
    refuseMiasMessages(403, 'ConversationBlockedByUser');
    await sendDuePreps('2026-12-07T08:00:00Z');
    t.connector.faults.length = 0;
    expect(prepCardsLanded()).toEqual([]);
    // The same plan: its job already ran under the same id, and still the card is sent again.
    const answer = cardText((await plan('3')).body.value);
    expect(answer).toContain('De voorbereidingskaart komt zo');
    expect(answer).toContain('kwam niet aan');
    const from = t.connector.calls.length;
    await sendDuePreps('2026-12-07T08:05:00Z');
    expect(prepCardsLanded(from)).toHaveLength(1);
    expect((await review()).prepSentAt).toBeDefined();
    // Arrived now: planning again no longer speaks of the one that did not.
    expect(cardText((await plan('3')).body.value)).not.toContain('kwam niet aan');
  });

  it('a transient failure: the card counts as received once the outbox got it through', async () => {
    await plan('3');
    // Teams is down for a while: every try of the scheduled card answers 503.
    refuseMiasMessages(503, 'ServiceUnavailable');
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    expect((await review()).prepSentAt).toBeUndefined();
    t.connector.faults.length = 0;
    await t.app.outbox.drain(60_000);
    expect(prepCardsLanded()).toHaveLength(1);
    expect((await review()).prepSentAt).toBeDefined();
    expect(cardText((await plan('3')).body.value)).toContain('kreeg je al op');
  });
});
