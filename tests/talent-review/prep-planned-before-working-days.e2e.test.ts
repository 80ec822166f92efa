import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepJobId, prepJobIdBeforeDaysOff, reviewId } from '../../src/domain/talent-review/review';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { REVIEW_JOB } from '../../src/usecases/talent-review/deps';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const AMS = 'Europe/Amsterdam';

/**
 * A conversation planned before prep cards moved off weekends (Monday 14 December, two days
 * before) has its job under the old id, due Saturday 12 December 09:00. The next start of the app
 * moves it: the manager gets the card on Friday 11 December at 09:00, once. Without the move the
 * old job fired on Saturday and sent it then. Found in review of this stop's own change (stop 33).
 */
describe('a prep card planned before prep cards moved to working days', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Voorbereiding: talentontwikkelgesprek met Anna'));

  let directory: string;
  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('comes on the working day before, not on the Saturday the old plan named', async () => {
    await t.send(execute(personal(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: AMS, prepDays: '2' }, 'plan-card'));
    // As the version before this change left it: a review without a fixed prep moment (stop 34),
    // no job under the new id, one under the old id due on Saturday.
    const plan = { id: reviewId('aad-mia', 'aad-anna', '2026-12-14'), date: '2026-12-14', timeZone: AMS, prepDaysBefore: 2 };
    const reviews = t.cosmos.container('reviews');
    const { resources } = await reviews.items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: plan.id }] }).fetchAll();
    const { prepAt, ...unfixed } = resources[0] as { prepAt?: string };
    expect(prepAt).toBe('2026-12-11T08:00:00.000Z');
    await reviews.items.upsert(unfixed);
    await t.app.scheduler.forget(prepJobId(plan, holidayCalendar('NL')));
    const oldId = prepJobIdBeforeDaysOff(plan);
    expect(oldId).toBe(`${plan.id}_prep_20261212T080000Z`);
    await t.app.scheduler.schedule({ id: oldId, kind: REVIEW_JOB, dueAt: '2026-12-12T08:00:00.000Z', payload: { managerId: 'aad-mia', reviewId: plan.id } });

    // The app starts again (a deploy): its start-up moves the job.
    const restarted = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T09:00:00Z', { cosmos: t.cosmos });
    await restarted.app.background.idle();
    await restarted.stop();

    t.clock.set('2026-12-11T08:00:00Z'); // Friday 09:00 in Amsterdam
    await t.app.scheduler.runDue();
    const onFriday = prepPosts().length;
    t.clock.set('2026-12-12T08:00:00Z'); // Saturday 09:00
    await t.app.scheduler.runDue();
    expect({ onFriday, byMonday: prepPosts().length }).toEqual({ onFriday: 1, byMonday: 1 });
  });
});
