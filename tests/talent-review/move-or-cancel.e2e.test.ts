/**
 * A manager moves or cancels a planned talentontwikkelgesprek, as plans change. Before, planning
 * it again on another date added a second conversation (and a second prep card), and nothing
 * cancelled one: the prep card came anyway.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna and Bram; Kees manages nobody here.
 * 1. Mia opens "Verplaatsen of annuleren" from her list and moves Anna's conversation a week on.
 *    One conversation remains, on the new date, with the phase she proposed; one prep job, at the
 *    new date's prep moment; the prep card she had opened is withdrawn. The same press delivered
 *    again changes nothing and is no error.
 * 2. A move to a date in the past, or onto a day she already has a conversation with Anna, comes
 *    back with the date as typed and the reason next to it; nothing changes.
 * 3. She cancels Bram's: no conversation, no prep job, the prep card shown is withdrawn, and no prep
 *    card comes on the day it would have. Pressed again, she hears it is no longer planned.
 * 4. Kees, pressing Mia's buttons, moves and cancels nothing.
 * 5. A cancellation that is stored while the list it answers with cannot be read says it is
 *    cancelled, not that something went wrong.
 * 6. Mia moves Anna's conversation and back again; Teams then delivers the first move once more:
 *    it moves nothing (the move's key is on the conversation it made).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData, buttonDataNaming, field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const kees = user('Kees');
const WITHDRAWN = 'Deze voorbereiding is niet meer beschikbaar.';
const ERROR = /Er ging iets mis|niets verloren/i;

describe('moving or cancelling a planned conversation', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'card-1', who = mia) =>
    (await t.send(execute(who === mia ? miaChat() : t.conversation('personal', 'a:personal-kees'), who, verb, data, messageId))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);
  const pendingPrepJobs = async (reportReviews: { id: string }[]) =>
    (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.status === 'pending' && reportReviews.some((r) => r.id === j.payload.reviewId));
  const allPrepJobsPending = async () => (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.status === 'pending');
  /** The list card as the `gesprekken` command posts it, and the change card its button opens for one report. */
  const changeCardFor = async (name: string) => {
    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    // A background send holding Mia's chat (a prep card's withdrawal) puts the answer behind it in the outbox.
    await t.app.outbox.drain(60_000);
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    const open = buttonDataNaming(list, 'review.change.open', name);
    return press('review.change.open', open, 'list-card');
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-kees', name: 'Kees' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('moves a conversation with its phase proposal and prep card, once, and withdraws the prep card already shown', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = await reviews('aad-anna');
    expect(cardText(await press('review.prep.show', { reviewId: planned.id }, 'anna-prep'))).toContain('Anna');
    await press('review.phase.propose', { reviewId: planned.id, phase: 'actie' }, 'anna-prep');

    const change = await changeCardFor('Anna');
    expect(field(change, 'date')?.value).toBe('2026-12-14');
    expect(cardProblems(change)).toEqual([]);
    const move = { ...buttonData(change, 'review.move'), date: '2026-12-21' };
    const moved = await press('review.move', move, 'change-card');
    expect(cardText(moved)).not.toMatch(ERROR);
    expect(cardText(moved)).toMatch(/verplaatst/i);
    expect(cardProblems(moved)).toEqual([]);

    const check = async () => {
      const stored = await reviews('aad-anna');
      expect(stored.map((r) => ({ date: r.date, phase: r.phaseProposal?.phase }))).toEqual([{ date: '2026-12-21', phase: 'actie' }]);
      // 09:00 Amsterdam three days before the new date (Friday 18 December); the old date's job is gone.
      expect((await pendingPrepJobs(stored)).map((j) => j.dueAt)).toEqual(['2026-12-18T08:00:00.000Z']);
      expect((await allPrepJobsPending()).filter((j) => j.payload.reviewId === planned.id)).toEqual([]);
    };
    await check();
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('anna-prep'))).toContain(WITHDRAWN);

    // Teams delivers the same press again: the conversation is where it was moved to, once.
    const again = await press('review.move', move, 'change-card');
    expect(cardText(again)).not.toMatch(ERROR);
    await check();
  });

  it('refuses a move into the past, or onto a day already planned with the same person, with the date kept next to the reason', async () => {
    const [current] = await reviews('aad-anna');
    await press('review.plan.save', { reportId: 'aad-anna', date: '2027-01-11', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const change = await changeCardFor('Anna');
    const past = await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-11-02' }, 'change-card');
    expect(field(past, 'date')).toEqual({ value: '2026-11-02', next: expect.stringMatching(/vanaf vandaag/) });
    expect(cardProblems(past)).toEqual([]);
    const taken = await press('review.move', { reviewId: current.id, date: '2027-01-11' }, 'change-card');
    expect(field(taken, 'date')).toEqual({ value: '2027-01-11', next: expect.stringMatching(/al een gesprek/) });
    expect((await reviews('aad-anna')).map((r) => r.date).sort()).toEqual(['2026-12-21', '2027-01-11']);
  });

  it('cancels a conversation: no prep job, the prep card shown withdrawn, none sent later; pressed again it says so', async () => {
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = await reviews('aad-bram');
    await press('review.prep.show', { reviewId: planned.id }, 'bram-prep');

    const change = await changeCardFor('Bram');
    const cancel = buttonData(change, 'review.cancel');
    const cancelled = await press('review.cancel', cancel, 'change-card');
    expect(cardText(cancelled)).toMatch(/geannuleerd/i);
    expect(cardText(cancelled)).not.toContain('Voorbereiding: Bram');
    expect(await reviews('aad-bram')).toEqual([]);
    expect((await allPrepJobsPending()).filter((j) => j.payload.reviewId === planned.id)).toEqual([]);
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('bram-prep'))).toContain(WITHDRAWN);

    const again = await press('review.cancel', cancel, 'change-card');
    expect(cardText(again)).not.toMatch(ERROR);
    expect(cardText(again)).toMatch(/niet \(meer\) gepland/);

    // The day its prep card would have come (Monday 7 December): nothing for Bram.
    const before = t.connector.calls.length;
    t.clock.set('2026-12-07T08:30:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(t.connector.calls.slice(before).filter((c) => JSON.stringify(c.activity).includes('Bram'))).toEqual([]);
  });

  it("does not let another manager move or cancel Mia's conversation", async () => {
    const [anna] = (await reviews('aad-anna')).filter((r) => r.date === '2026-12-21');
    const moved = await press('review.move', { reviewId: anna.id, date: '2027-02-01' }, 'kees-card', kees);
    const cancelled = await press('review.cancel', { reviewId: anna.id }, 'kees-card', kees);
    for (const card of [moved, cancelled]) expect(cardText(card)).toMatch(/niet \(meer\) gepland/);
    expect((await reviews('aad-anna')).map((r) => r.date).sort()).toEqual(['2026-12-21', '2027-01-11']);
  });
});

describe('a cancellation whose list cannot be read afterwards', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(miaChat(), mia, verb, data, 'card-1'))).body.value;

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('says the conversation is cancelled, not that something went wrong', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources;
    // The cancellation is stored; the list it would answer with cannot be read now.
    t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined);
    const card = await press('review.cancel', { reviewId: planned.id });
    t.proxy!.faults = undefined;
    expect(cardText(card)).not.toMatch(ERROR);
    expect(cardText(card)).toMatch(/Geannuleerd: het gesprek met Anna/);
    expect((await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources).toEqual([]);
  });
});

describe('a move delivered again after later moves', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, id?: string) => (await t.send(execute(miaChat(), mia, verb, data, 'card-1', id))).body.value;
  const dates = async () => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.map((r) => r.date as string);
  const reviewOn = async (date: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.find((r) => r.date === date);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('moves nothing when the first move arrives again after the conversation was moved back', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const first = { ...buttonData(await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }), 'review.move'), date: '2027-01-04' };
    await press('review.move', first, 'move-1');
    const back = { ...buttonData(await press('review.change.open', { reviewId: (await reviewOn('2027-01-04')).id }), 'review.move'), date: '2026-12-14' };
    await press('review.move', back, 'move-2');
    expect(await dates()).toEqual(['2026-12-14']);

    const again = await press('review.move', first, 'move-1');
    expect(cardText(again)).not.toMatch(ERROR);
    expect(await dates()).toEqual(['2026-12-14']);
  });
});

