import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * The durable scheduler gave a job up after 5 failed attempts (20 s, 40 s, 80 s, 160 s apart:
 * about five minutes). A Cosmos DB fault on the `reviews` container that lasted a little longer
 * (a) left a note Anna took back on Mia's card for good, and (b) lost the prep card that was due
 * meanwhile (days before the conversation). Jobs are retried for about a day now, at most an hour
 * apart. Found in review, stop 36.
 */
describe('a Cosmos fault that outlasts the scheduler retries', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
  const plan = (date: string) => t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  const jobs = async (kind: string) => (await t.store.container('jobs').items.query({ query: 'SELECT * FROM c WHERE c.kind = @k', parameters: [{ name: '@k', value: kind }] }).fetchAll()).resources;
  /** Six scheduler ticks, 3 minutes apart (the fault lasts about 18 minutes). */
  const ticksDuringFault = async () => {
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(3);
      await t.app.scheduler.runDue();
    }
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  it('a note Anna takes back during an 18-minute fault leaves Mia\'s card once Cosmos DB is back', async () => {
    const NOTE = 'Anna overweegt ontslag te nemen';
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'k1', text: NOTE, shared: true })).id;
    await plan('2026-11-25'); // due at once
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const delivered = prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(NOTE));
    expect(delivered).toHaveLength(1);

    t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'replace' ? { kind: 'status', status: 503 } : undefined);
    try {
      await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'));
      await ticksDuringFault();
    } finally {
      t.proxy!.faults = undefined;
    }
    // Cosmos DB answers again; the scheduler keeps running.
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(10);
      await t.app.scheduler.runDue();
    }
    await t.app.outbox.drain(60_000);
    const retry = (await jobs('review.prepRefresh')).map((j) => ({ status: j.status, attempts: j.attempts }));
    expect({ retry, stillShowsNote: cardText(t.connector.latest(delivered[0]!.id)).includes(NOTE) }).toEqual({ retry: [expect.objectContaining({ status: 'done' })], stillShowsNote: false });
  }, 180_000);

  it('a prep card due during an 18-minute fault still reaches Mia once Cosmos DB is back', async () => {
    const before = prepPosts().length;
    await plan('2026-12-10'); // prep due 2026-12-07 09:00 Amsterdam
    t.clock.set('2026-12-07T08:00:00Z');
    t.proxy!.faults = (req) => (req.container === 'reviews' && (req.kind === 'pointRead' || req.kind === 'replace') ? { kind: 'status', status: 503 } : undefined);
    try {
      await t.app.scheduler.runDue();
      await ticksDuringFault();
    } finally {
      t.proxy!.faults = undefined;
    }
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(10);
      await t.app.scheduler.runDue();
    }
    await t.app.outbox.drain(60_000);
    const job = (await jobs('review.prep')).filter((j) => j.payload.reviewId && j.dueAt >= '2026-12-07').map((j) => ({ status: j.status, attempts: j.attempts }));
    expect({ job, cards: prepPosts().length - before }).toEqual({ job: [expect.objectContaining({ status: 'done' })], cards: 1 });
  }, 180_000);
});
