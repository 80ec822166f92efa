/**
 * Found in review, stop 59 (fixed then: a withdrawal's outbox key is a digest under the app's
 * secret, and every prep card job in a manager's chat is `about` the manager).
 *
 * A planned talentontwikkelgesprek's id is `reviewId(manager, report, date)`, a plain hash. When
 * the conversation is moved or cancelled, a prep card already in the manager's chat is withdrawn
 * by an outbox job that is not `about` the report (their erasure must not stop it), kept a week
 * after it went. Under a key built from the review's id, a database reader who knows the manager's
 * and a report's Entra ids recomputes the job's id over dates: the erased report had a
 * conversation planned with this manager on that date.
 *
 * From the manager's side: once the conversation is cancelled no review leads the manager's
 * erasure to their chat, and the withdrawal, the scheduled prep card and its rebuild (all naming
 * the manager in their arguments) stayed, in their chat.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData, buttonDataNaming } from '../support/card-fields';
import { storedText } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { scheduledPrepKey, withdrawalKey } from '../../src/teams/features/talent-review/prep-cards';
import { reviewId } from '../../src/domain/talent-review/review';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { allDocuments, eraseInChat, verantwoordingDeps } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const mia = user('Mia');
const anna = user('Anna');
const bram = user('Bram');
const WITHDRAWN = 'Deze voorbereiding is niet meer beschikbaar.';

/** Stored documents (any container) whose id or any field holds one of `values`, as `container/type:id`. */
async function holding(t: TestApp, values: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as any[]) if (values.some((v) => storedText([d]).includes(v))) out.push(`${container}/${d.type}:${d.id}`);
  }
  return out;
}

/** The app's secret (POLL_HASH_KEY): the test knows it, to find the withdrawals by their keys; the reader does not. */
const SECRET = 'prep-withdrawal-job-secret-'.padEnd(44, 'x');

/** The prep card shown in Mia's chat: the message a press on it answered (`prepMessageOf`). */
const shown = (activityId: string) => ({ conversationId: 'a:personal-mia', activityId });

/**
 * What a database reader recomputes: the withdrawal's job id for this conversation, for every
 * message they know of: each update job stored names one while it waits (an ended one names none,
 * stop 61), and the prep card's message itself, as if they knew it.
 */
async function recomputedWithdrawals(t: TestApp, managerId: string, reportId: string, date: string, change: 'moved' | 'cancelled', card: { conversationId: string; activityId: string }): Promise<string[]> {
  const old = reviewId(managerId, reportId, date);
  const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
  const messages = [card, ...jobs.filter((j: any) => j.target?.kind === 'update').map((j: any) => j.target)];
  return messages.map((m: any) => jobIdFor(`talentReview.prepWithdraw:${old}:${m.conversationId}:${m.activityId}:${change}`));
}

/**
 * The outbox's withdrawal jobs of these cards, found by their keys (an ended job keeps no render
 * arguments, stop 61): the use case's key (review, message, change) under the app's secret.
 */
async function withdrawalJobs(t: TestApp, cards: { reviewId: string; activityId: string; change: 'moved' | 'cancelled' }[]): Promise<any[]> {
  const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
  const ids = cards.map((c) => jobIdFor(withdrawalKey(SECRET, `${c.reviewId}:a:personal-mia:${c.activityId}:${c.change}`)));
  return jobs.filter((j: any) => ids.includes(j.id));
}

describe('a withdrawn prep card\'s job id after the report\'s erasure', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId: string) => (await t.send(execute(miaChat(), mia, verb, data, messageId))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);
  const changeCardFor = async (name: string) => {
    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    return press('review.change.open', buttonDataNaming(list, 'review.change.open', name), 'list-card');
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory, POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t?.stop());

  it('moved: nothing left under an id recomputable from Mia, Anna and the old date', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    const [planned] = await reviews('aad-anna');
    expect(planned.id).toBe(reviewId('aad-mia', 'aad-anna', '2026-12-14'));
    expect(cardText(await press('review.prep.show', { reviewId: planned.id }, 'anna-prep'))).toContain('Anna');
    const change = await changeCardFor('Anna');
    expect(cardText(await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card'))).toMatch(/verplaatst/i);
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('anna-prep'))).toContain(WITHDRAWN);
    // One withdrawal job, its key as the use case built it nowhere to be found (not even before the erasure).
    expect(await withdrawalJobs(t, [{ reviewId: planned.id, activityId: 'anna-prep', change: 'moved' }])).toHaveLength(1);
    expect(await holding(t, await recomputedWithdrawals(t, 'aad-mia', 'aad-anna', '2026-12-14', 'moved', shown('anna-prep')))).toEqual([]);

    await eraseInChat(t, anna);
    expect(await reviews('aad-anna')).toEqual([]);
    expect(await holding(t, await recomputedWithdrawals(t, 'aad-mia', 'aad-anna', '2026-12-14', 'moved', shown('anna-prep')))).toEqual([]);
  }, 120_000);

  it('cancelled: nothing left under an id recomputable from Mia, Bram and the date', async () => {
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card-2');
    const [planned] = await reviews('aad-bram');
    await press('review.prep.show', { reviewId: planned.id }, 'bram-prep');
    const change = await changeCardFor('Bram');
    expect(cardText(await press('review.cancel', buttonData(change, 'review.cancel'), 'change-card-2'))).toMatch(/geannuleerd/i);
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('bram-prep'))).toContain(WITHDRAWN);
    const annaReview = reviewId('aad-mia', 'aad-anna', '2026-12-14');
    expect(await withdrawalJobs(t, [{ reviewId: annaReview, activityId: 'anna-prep', change: 'moved' }, { reviewId: planned.id, activityId: 'bram-prep', change: 'cancelled' }])).toHaveLength(2);

    await eraseInChat(t, bram);
    expect(await holding(t, await recomputedWithdrawals(t, 'aad-mia', 'aad-bram', '2026-12-10', 'cancelled', shown('bram-prep')))).toEqual([]);
  }, 120_000);
});

/**
 * The manager's side: Mia cancels her conversation with Bram (the prep card she had opened is
 * withdrawn), then erases her own data. With the conversation cancelled no review leads the
 * erasure to her chat (outboxPerson takes chats from `reviews.asManager`): the jobs there must be
 * found by whom they are about.
 */
describe('a withdrawn prep card\'s job after the manager\'s erasure', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId: string) => (await t.send(execute(miaChat(), mia, verb, data, messageId))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory, POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t?.stop());

  it('leaves no job naming Mia, in her chat, or under an id recomputable from Mia, Bram and the date', async () => {
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    const [planned] = await reviews('aad-bram');
    await press('review.prep.show', { reviewId: planned.id }, 'bram-prep');
    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    const change = await press('review.change.open', buttonDataNaming(list, 'review.change.open', 'Bram'), 'list-card');
    expect(cardText(await press('review.cancel', buttonData(change, 'review.cancel'), 'change-card'))).toMatch(/geannuleerd/i);
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('bram-prep'))).toContain(WITHDRAWN);

    await eraseInChat(t, mia);
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    expect({
      inHerChat: jobs.filter((j: any) => storedText([j]).includes('a:personal-mia')).map((j: any) => j.key ?? j.id),
      namingHer: (await holding(t, ['aad-mia'])).filter((d) => d.startsWith('outbox/')),
      recomputable: await holding(t, await recomputedWithdrawals(t, 'aad-mia', 'aad-bram', '2026-12-10', 'cancelled', shown('bram-prep'))),
    }).toEqual({ inHerChat: [], namingHer: [], recomputable: [] });
  }, 120_000);
});

/**
 * The same for the scheduled prep card and its rebuild: the card came to Mia's chat on its day
 * (its job's render and onSent arguments name her), Bram took a note back (the card was rebuilt in
 * place), then Mia cancelled and erased her data. Both finished jobs are kept a week, in her chat.
 */
describe('a scheduled prep card\'s jobs after its conversation was cancelled and the manager erased', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const bramChat = () => t.conversation('personal', 'a:personal-bram');
  const press = async (verb: string, data: Record<string, unknown>, messageId: string) => (await t.send(execute(miaChat(), mia, verb, data, messageId))).body.value;
  const run = async () => {
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(60_000);
  };
  const bramReview = async () => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.find((r) => r.reportId === 'aad-bram');
  /**
   * The prep card's jobs in Mia's chat: the scheduled card by its key (the review's, under the app's
   * secret), and its rebuilds in place, the only message updates before the cancellation (an ended
   * job keeps no render arguments, stop 61).
   */
  const prepJobs = async () => {
    const cardId = jobIdFor(scheduledPrepKey(SECRET, await bramReview()));
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    return jobs.flatMap((j: any) => (j.id === cardId ? ['card'] : j.target?.kind === 'update' ? ['rebuild'] : []));
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    // Monday 23 November 2026, 08:30 Amsterdam; the conversation is on Thursday 26 November, prep at 09:00 today.
    t = await startTestApp({ DIRECTORY_FILE: directory, POLL_HASH_KEY: SECRET }, '2026-11-23T07:30:00Z');
  });
  afterAll(() => t?.stop());

  it('leaves no job naming Mia or in her chat', async () => {
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-bram', { key: 'note-bram', text: 'Bram wil minder uren werken', shared: true })).id;
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-11-26', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    t.clock.set('2026-11-23T08:00:00Z');
    await run();
    await t.send(execute(bramChat(), bram, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'));
    await run();
    // The scheduled card, its rebuild in place: two jobs in Mia's chat.
    expect(await prepJobs()).toEqual(expect.arrayContaining(['card', 'rebuild']));
    const planned = await bramReview();
    expect(planned.prepCards).toHaveLength(1);

    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    const change = await press('review.change.open', buttonDataNaming(list, 'review.change.open', 'Bram'), 'list-card');
    expect(cardText(await press('review.cancel', buttonData(change, 'review.cancel'), 'change-card'))).toMatch(/geannuleerd/i);
    await run();
    expect(await withdrawalJobs(t, [{ reviewId: planned.id, activityId: planned.prepCards[0].activityId, change: 'cancelled' }])).toHaveLength(1);

    await eraseInChat(t, mia);
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    expect({
      inHerChat: jobs.filter((j: any) => storedText([j]).includes('a:personal-mia')).map((j: any) => j.render?.kind ?? j.key),
      namingHer: (await holding(t, ['aad-mia'])).filter((d) => d.startsWith('outbox/')),
    }).toEqual({ inHerChat: [], namingHer: [] });
  }, 120_000);
});
