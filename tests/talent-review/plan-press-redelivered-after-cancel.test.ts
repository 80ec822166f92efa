/**
 * Found in review, stop 45: the "Plannen" press delivered again by Teams after the manager
 * cancelled the conversation planned it anew (the cancellation deleted the conversation, and with
 * it the press's key). The cancellation now remembers its presses without naming anyone
 * (domain/talent-review/cancelled-press.ts); the move half is guarded by
 * plan-press-redelivered-after-change.test.ts.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna. Mia plans Anna's
 * conversation from a plan card (with its key), cancels it, and Teams delivers the plan press again.
 * Expected: the conversation stays cancelled, no prep job, Anna not told it is planned again.
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

describe('a plan press delivered again after the conversation was cancelled', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId: string, activityId?: string, timestamp?: string) =>
    (await t.send({ ...execute(miaChat(), mia, verb, data, messageId, activityId), ...(timestamp ? { timestamp } : {}) })).body.value;
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

  it('after a cancellation: the conversation stays cancelled, and Anna is not told it is planned again', async () => {
    const planPress = { ...buttonData(await press('review.plan.open', { reportId: 'aad-anna' }, 'plan-card'), 'review.plan.save'), ...plan };
    const plannedAt = t.clock.now().toISOString();
    await press('review.plan.save', planPress, 'plan-card', 'plan-1', plannedAt);
    t.clock.advanceMinutes(1);
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'list-card');
    await press('review.cancel', buttonData(change, 'review.cancel'), 'list-card', 'cancel-1');
    await t.app.outbox.drain(60_000);
    expect(await dates()).toEqual([]);
    expect(noticesTo('aad-anna')).toHaveLength(2); // planned, cancelled

    t.clock.advanceMinutes(1);
    const again = await press('review.plan.save', planPress, 'plan-card', 'plan-1', plannedAt);
    await t.app.outbox.drain(60_000);

    expect(cardText(again)).toContain('niet (meer) gepland');
    expect(await dates()).toEqual([]);
    expect(await pendingPrepJobs()).toEqual([]);
    expect(noticesTo('aad-anna')).toHaveLength(2);
    // What is remembered of the cancelled press names nobody: no manager, report, date or key.
    const remembered = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'cancelledPress'").fetchAll()).resources;
    expect(remembered).toHaveLength(1);
    const text = JSON.stringify(remembered.map(({ id, type, managerId, ttl }) => ({ id, type, managerId, ttl })));
    expect(text).not.toMatch(/mia|anna|2026-12-14/i);
    expect(text).not.toContain(String((planPress as Record<string, unknown>).k));
  });
});
