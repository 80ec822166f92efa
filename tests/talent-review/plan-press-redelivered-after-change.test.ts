/**
 * Found in review, stop 45. The "Plannen" press carried no key, so Teams delivering it again after
 * the manager had moved the conversation (or planned it anew) planned it once more: a second
 * conversation on the old date with its own prep job, and the professional told a third time.
 * The plan card now carries a key, set when it is rendered and remembered on the conversation
 * (carried along on every move, as a move's own key is).
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna.
 * 1. Mia plans Anna's conversation on 14 December from a plan card (activity `plan-1`), then moves
 *    it to 21 December. Teams delivers the plan press `plan-1` once more (same id, same timestamp).
 *    Must hold: one conversation (21 December), one prep job, Anna told twice (planned, moved), and
 *    the answer shows the conversation as it stands.
 * 2. Mia plans it with 3 days ahead, then from a new plan card with 5. The first press delivered
 *    again leaves 5 days and one prep job.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('a plan press delivered again after the conversation was moved or planned anew', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId: string, activityId?: string, timestamp?: string) =>
    (await t.send({ ...execute(miaChat(), mia, verb, data, messageId, activityId), ...(timestamp ? { timestamp } : {}) })).body.value;
  /** "Plannen" on a plan card as Teams renders it (with the card's key), with what Mia filled in. */
  const planCardPress = async (messageId: string, inputs: Record<string, unknown>) => ({ ...buttonData(await press('review.plan.open', { reportId: 'aad-anna' }, messageId), 'review.plan.save'), ...inputs });
  const noticesTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => cardText(c.card));
  const reviews = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;
  const dates = async () => (await reviews()).map((r) => r.date as string).sort();
  const reviewOn = async (date: string) => (await reviews()).find((r) => r.date === date);
  const pendingPrepJobs = async () => (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.status === 'pending');
  const plan = { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' };

  beforeEach(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
  });
  afterEach(() => t.stop());

  it('after a move: still one conversation, on the new date, and Anna told nothing false', async () => {
    const planPress = await planCardPress('plan-card', plan);
    expect(planPress.k).toEqual(expect.any(String));
    const plannedAt = t.clock.now().toISOString();
    await press('review.plan.save', planPress, 'plan-card', 'plan-1', plannedAt);
    t.clock.advanceMinutes(1);
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'list-card');
    await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'list-card', 'move-1');
    await t.app.outbox.drain(60_000);
    expect(await dates()).toEqual(['2026-12-21']);
    expect(noticesTo('aad-anna')).toHaveLength(2); // planned, moved

    // Teams delivers the first plan press again.
    t.clock.advanceMinutes(1);
    const answer = await press('review.plan.save', planPress, 'plan-card', 'plan-1', plannedAt);
    await t.app.outbox.drain(60_000);

    expect(await dates()).toEqual(['2026-12-21']);
    expect((await pendingPrepJobs()).map((j) => j.dueAt)).toEqual(['2026-12-18T08:00:00.000Z']);
    expect(noticesTo('aad-anna')).toHaveLength(2);
    // The answer shows the conversation as it stands: on 21 December.
    expect(cardText(answer)).toMatch(/21 december/i);
    expect(cardText(answer)).not.toMatch(/14 december/i);
  });

  it('after a plan from a newer card: the newer prep days stay, with one prep job', async () => {
    const first = await planCardPress('plan-card', plan);
    const plannedAt = t.clock.now().toISOString();
    await press('review.plan.save', first, 'plan-card', 'plan-1', plannedAt);
    t.clock.advanceMinutes(1);
    await press('review.plan.save', await planCardPress('plan-card-2', { ...plan, prepDays: '5' }), 'plan-card-2', 'plan-2');
    expect((await reviews()).map((r) => r.prepDaysBefore)).toEqual([5]);

    t.clock.advanceMinutes(1);
    await press('review.plan.save', first, 'plan-card', 'plan-1', plannedAt);

    expect((await reviews()).map((r) => r.prepDaysBefore)).toEqual([5]);
    expect((await pendingPrepJobs()).map((j) => j.dueAt)).toEqual(['2026-12-09T08:00:00.000Z']);
    await t.app.outbox.drain(60_000);
    expect(noticesTo('aad-anna')).toHaveLength(1); // planned
  });
});
