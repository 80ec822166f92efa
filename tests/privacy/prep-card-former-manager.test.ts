import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { PREP_MANAGER_CHECK_JOB } from '../../src/usecases/talent-review/prep-manager-check';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

/**
 * A manager sees only what the professional shared, and only while they ARE the manager. Mia
 * planned a conversation with Anna and got the prep card; then the directory moves Anna to Nora.
 * Mia's chat keeps nothing of Anna's after the next daily manager check, and neither Mia nor a
 * colleague with Anna's review id in forged card data gets anything of Anna meanwhile.
 */
describe('prep cards in the chat of a manager who is no longer the manager', () => {
  let t: TestApp;
  let directory = '';
  const mia = user('Mia');
  const bram = user('Bram');
  const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';
  const SHARED = 'ANNA-GEDEELD-MET-MIA: ik wil teamleider worden';
  const PRIVATE = 'ANNA-PRIVE: ik heb een burn-out gehad';
  const LATER = 'ANNA-LATER-GEDEELD: alleen voor Nora bedoeld';
  const NOT_YOURS = 'Deze voorbereiding is niet meer voor jou beschikbaar: volgens de directory ben je niet langer de leidinggevende van deze medewerker.';
  let reviewId = '';
  let deliveredId = '';
  /** A second message showing the prep: the list card Mia pressed "Voorbereiding: Anna" on. */
  const LIST_CARD = 'list-card';

  const writeDirectory = (annasManager: string | undefined) =>
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', ...(annasManager ? { managerId: annasManager } : {}) }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-nora', name: 'Nora' }] }));
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const rememberedCards = async () => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: reviewId }] }).fetchAll()).resources[0].prepCards ?? [];
  /** The updates that made a message the "no longer yours" card. */
  const withdrawalsOf = (id: string) => t.connector.calls.filter((c) => c.method === 'PUT' && c.id === id && cardText(c.activity?.attachments?.[0]?.content).includes(NOT_YOURS));
  /** Runs the manager check now, as the scheduler would (a second run of the day included). */
  const runCheck = async (id: string) => {
    await t.app.scheduler.schedule({ id, kind: PREP_MANAGER_CHECK_JOB, dueAt: t.clock.now().toISOString(), payload: {} });
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
  };

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'former-mgr-')), 'directory.json');
    writeDirectory('aad-mia');
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'former-mgr-shared', text: SHARED, shared: true });
    await addNote(v, 'aad-anna', { key: 'former-mgr-private', text: PRIVATE });
    const planned = await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    expect(planned.status).toBe(200);
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    // The scheduled prep card reaches Mia while she is Anna's manager.
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const posted = t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
    expect(posted).toHaveLength(1);
    deliveredId = posted[0]!.id;
  }, 120_000);
  afterAll(() => t.stop());

  it('the delivered prep card holds what Anna shared and nothing she kept private', () => {
    const text = cardText(t.connector.latest(deliveredId));
    expect(text).toContain(SHARED);
    expect(text).not.toContain(PRIVATE);
  });

  it('a colleague (Bram) pressing "show prep" with Anna\'s review id in forged card data gets nothing of Anna', async () => {
    const res = await t.send(execute(t.conversation('personal', 'a:personal-bram'), bram, 'review.prep.show', { reviewId }, 'forged-card'));
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('ANNA-');
  });

  it('opening the prep on another message of her chat costs Mia no cross-partition query (the daily check it schedules is a point write)', async () => {
    t.proxy!.reset();
    const res = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, LIST_CARD));
    expect(JSON.stringify(res.body)).toContain(SHARED);
    expect(t.proxy!.seen.filter((r) => r.crossPartition)).toEqual([]);
    expect(await rememberedCards()).toHaveLength(2);
    // The card's delivery scheduled the next night's check (03:00 in Amsterdam), once.
    const checks = (await t.store.container('jobs').items.query(`SELECT c.id, c.dueAt FROM c WHERE c.kind = '${PREP_MANAGER_CHECK_JOB}'`).fetchAll()).resources;
    expect(checks.map((j) => [j.id, j.dueAt])).toEqual([['review.prepManagerCheck:2026-12-08', '2026-12-08T02:00:00.000Z']]);
  });

  it('while Mia is Anna\'s manager, the daily manager check leaves her prep cards as they are', async () => {
    await runCheck('check-while-manager');
    expect(cardText(t.connector.latest(deliveredId))).toContain(SHARED);
    expect(withdrawalsOf(deliveredId)).toEqual([]);
    expect(await rememberedCards()).toHaveLength(2);
  });

  it('a directory that names no manager for Anna (Graph unreachable at night says the same) withdraws nothing: only a manager it names counts as a change', async () => {
    writeDirectory(undefined);
    try {
      await runCheck('check-no-manager');
      expect(cardText(t.connector.latest(deliveredId))).toContain(SHARED);
      expect(withdrawalsOf(deliveredId)).toEqual([]);
      expect(await rememberedCards()).toHaveLength(2);
    } finally {
      writeDirectory('aad-mia');
    }
  });

  describe('after the directory moves Anna to another manager (Nora)', () => {
    beforeAll(() => writeDirectory('aad-nora'));

    it('the former manager pressing "show prep" / proposing a phase on the old card is refused and shown nothing of Anna', async () => {
      for (const [verb, data] of [['review.prep.show', { reviewId }], ['review.phase.propose', { reviewId, phase: 'actie' }]] as const) {
        const res = await t.send(execute(miaChat(), mia, verb, data, deliveredId));
        expect({ verb, leaked: JSON.stringify(res.body).includes('ANNA-') }).toEqual({ verb, leaked: false });
      }
    });

    it('the next daily manager check (a day of the scheduler later) withdraws every prep card in the former manager\'s chat, without Anna changing anything', async () => {
      t.clock.set('2026-12-08T08:00:00Z');
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
      // What Mia's chat shows for those messages now.
      for (const id of [deliveredId, LIST_CARD]) {
        const text = cardText(t.connector.latest(id));
        expect(text).not.toContain('ANNA-');
        expect(text).toBe(NOT_YOURS);
      }
      // Forgotten once withdrawn: nothing rebuilds them into a prep card again.
      expect(await rememberedCards()).toEqual([]);
    });

    it('the withdrawn card tells Mia the prep is no longer hers to see, and names neither Anna nor her new manager', () => {
      const card = JSON.stringify(t.connector.latest(deliveredId));
      for (const name of ['Anna', 'Nora', 'aad-anna', 'aad-nora', reviewId]) expect({ name, named: card.includes(name) }).toEqual({ name, named: false });
    });

    it('a check that runs again withdraws nothing twice: each message was updated once', async () => {
      await runCheck('check-again');
      await runCheck('check-again-and-again');
      expect(withdrawalsOf(deliveredId)).toHaveLength(1);
      expect(withdrawalsOf(LIST_CARD)).toHaveLength(1);
    });

    it('when Anna shares something new (meant for Nora), the card in the former manager\'s chat is not rebuilt with it', async () => {
      await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'former-mgr-later', text: LATER, shared: true });
      // addNote in-process does not run the sharing hook of the app: share through the chat, as Anna would.
      const note = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'").fetchAll()).resources.find((r) => r.text === LATER);
      await t.send(execute(t.conversation('personal', 'a:personal-anna'), user('Anna'), 'verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'private' }, 'overview-card'));
      await t.send(execute(t.conversation('personal', 'a:personal-anna'), user('Anna'), 'verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'shared', rev: 1 }, 'overview-card'));
      await t.app.outbox.drain(60_000);
      const everythingMiaGot = t.connector.calls.filter((c) => c.conversationId === 'a:personal-mia').map((c) => JSON.stringify(c.activity)).join('\n');
      expect(everythingMiaGot).not.toContain(LATER);
      expect(cardText(t.connector.latest(deliveredId))).not.toContain(SHARED);
    });
  });

  it('the log at the default level holds none of Anna\'s note texts', () => {
    const log = t.logs.join('');
    for (const text of [SHARED, PRIVATE, LATER]) expect({ text, inLog: log.includes(text) }).toEqual({ text, inLog: false });
  });
});
