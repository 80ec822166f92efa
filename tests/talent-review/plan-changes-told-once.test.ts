/**
 * Found in review, stop 41, of this stop's own notice to the professional (and an older gap it
 * made visible). Three ways Anna was told something that did not happen, or not told what did:
 * 1. Mia plans Anna's conversation, moves it, then saves the plan form for the new date with other
 *    prep days. A re-plan changes nothing for Anna, yet she got a second "gepland" notice.
 * 2. Mia cancels the conversation and plans the same date again; Teams then delivers the first
 *    cancel press again. The cancel carried nothing of the plan it was pressed on, so it cancelled
 *    the new plan (the conversation, its prep job) and told Anna it was cancelled.
 * 3. Mia's move stores the new plan, then fails retiring the old one (the store refuses the delete):
 *    she gets an error card and presses the same move again. The retry found its key on the new
 *    plan and stopped: both dates stayed planned, and Anna was never told of the move. (Since
 *    stop 53 a move is one transaction, so it cannot leave both dates; it can still stop after it
 *    is stored, before Anna is told: the retry tells her then.)
 * What must hold: one notice per change that happened; a press made on a plan that is gone
 * changes nothing; a move pressed again finishes what the first press left.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const ERROR = /Er ging iets mis|niets verloren/i;

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('the professional told once of each change to their conversation', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'card-1', activityId?: string) =>
    (await t.send(execute(miaChat(), mia, verb, data, messageId, activityId))).body.value;
  const noticesTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => cardText(c.card));
  const reviews = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;
  const dates = async () => (await reviews()).map((r) => r.date as string).sort();
  const reviewOn = async (date: string) => (await reviews()).find((r) => r.date === date);
  const plan = (date: string, prepDays = '3') => ({ reportId: 'aad-anna', date, timeZone: 'Europe/Amsterdam', prepDays });

  beforeEach(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterEach(() => t.stop());

  it('tells Anna nothing new when Mia only changes the prep days of the moved conversation', async () => {
    await press('review.plan.save', plan('2026-12-14'), 'plan-card', 'plan-1');
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'change-card');
    await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card');
    await t.app.outbox.drain(60_000);
    expect(noticesTo('aad-anna')).toHaveLength(2); // planned, moved

    await press('review.plan.save', plan('2026-12-21', '5'), 'plan-card-2', 'plan-2');
    await t.app.outbox.drain(60_000);
    expect((await reviewOn('2026-12-21')).prepDaysBefore).toBe(5);
    expect(noticesTo('aad-anna')).toHaveLength(2);
  });

  it('keeps the new plan when the cancel of the one before is delivered again, and tells Anna nothing false', async () => {
    await press('review.plan.save', plan('2026-12-14'), 'plan-card', 'plan-1');
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'change-card');
    const cancel = buttonData(change, 'review.cancel');
    const cancelledAt = t.clock.now().toISOString();
    await press('review.cancel', cancel, 'change-card', 'cancel-1');
    t.clock.advanceMinutes(2);
    await press('review.plan.save', plan('2026-12-14'), 'plan-card-2', 'plan-2');
    await t.app.outbox.drain(60_000);
    expect(noticesTo('aad-anna')).toHaveLength(3); // planned, cancelled, planned

    // Teams delivers the first cancel press again.
    t.clock.advanceMinutes(1);
    const again = (await t.send({ ...execute(miaChat(), mia, 'review.cancel', cancel, 'change-card', 'cancel-1'), timestamp: cancelledAt })).body.value;
    expect(cardText(again)).not.toMatch(ERROR);
    await t.app.outbox.drain(60_000);
    expect(await dates()).toEqual(['2026-12-14']);
    expect(noticesTo('aad-anna')).toHaveLength(3);
  });

  it('finishes a move that stopped after storing the new date when it is pressed again, and tells Anna once', async () => {
    await press('review.plan.save', plan('2026-12-14'), 'plan-card', 'plan-1');
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'change-card');
    const move = { ...buttonData(change, 'review.move'), date: '2026-12-21' };

    // Since stop 53 a move is one transaction (the old date goes as the new one comes): it stops
    // part-way when the transaction is stored and its answer lost, and every try after fails.
    let batches = 0;
    t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'batch' ? (batches++ === 0 ? { kind: 'dropAfter' } : { kind: 'status', status: 503 }) : undefined);
    await press('review.move', move, 'change-card', 'move-1');
    t.proxy!.faults = undefined;
    expect(await dates()).toEqual(['2026-12-21']);
    await t.app.outbox.drain(60_000);
    expect(noticesTo('aad-anna').filter((n) => n.includes('verplaatst'))).toHaveLength(0);

    // Mia presses the same move again (or Teams delivers it again).
    const retried = await press('review.move', move, 'change-card', 'move-2');
    expect(cardText(retried)).not.toMatch(ERROR);
    await t.app.outbox.drain(60_000);
    expect(await dates()).toEqual(['2026-12-21']);
    expect(noticesTo('aad-anna').filter((n) => n.includes('verplaatst'))).toHaveLength(1);
    // Once more: nothing new.
    await press('review.move', move, 'change-card', 'move-3');
    await t.app.outbox.drain(60_000);
    expect(noticesTo('aad-anna').filter((n) => n.includes('verplaatst'))).toHaveLength(1);
  });
});
