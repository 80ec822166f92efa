import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planReview, plannedPrepAt, prepJobId } from '../../src/domain/talent-review/review';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { prepJobIds } from '../../src/usecases/talent-review/plan-review';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const AMS = 'Europe/Amsterdam';
const NL = holidayCalendar('NL');

/**
 * "N days before" that lands on a Saturday, a Sunday or a public holiday: the manager gets the
 * prep card on the working day before, at 09:00, so it still comes the days ahead they chose
 * (at least), on a day they are at work. The plan's confirmation names the day it comes.
 * Left out until stop 33 (README "Not done yet").
 */
describe('prep cards come on a working day', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const plan = async (date: string, prepDays: number) => (await t.send(execute(personal(), mia, 'review.plan.save', { reportId: 'aad-anna', date, timeZone: AMS, prepDays: String(prepDays) }, 'plan-card'))).body.value;
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Voorbereiding: talentontwikkelgesprek met Anna'));

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('two days before Monday 14 December is Saturday: the card comes on Friday 11 December at 09:00, and says so', async () => {
    expect(cardText(await plan('2026-12-14', 2))).toContain('De voorbereidingskaart komt op vr 11 december om 09:00.');
    t.clock.set('2026-12-11T07:59:00Z'); // 08:59 in Amsterdam
    await t.app.scheduler.runDue();
    expect(prepPosts()).toHaveLength(0);
    t.clock.set('2026-12-11T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(prepPosts()).toHaveLength(1);
    t.clock.set('2026-12-12T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(prepPosts()).toHaveLength(1);
  });

  // Left out in stop 33: the confirmation said the card "comes" on the new day, though none followed.
  it('planned again after its prep card came: says when it came, and none follows', async () => {
    const card = cardText(await plan('2026-12-14', 1));
    expect(card).toContain('De voorbereidingskaart kreeg je al op vr 11 december');
    expect(card).not.toContain('komt');
    t.clock.set('2026-12-13T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(prepPosts()).toHaveLength(1);
  });

  it('a working day stays as planned', () => {
    const review = planReview({ managerId: 'm', reportId: 'r', reportName: 'R', timeZone: AMS, conversationRef: {}, date: '2026-12-10', prepDaysBefore: 3 }, new Date('2026-11-23T08:00:00Z'));
    expect(plannedPrepAt(review, NL).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('Boxing Day on a Saturday and Christmas Day before it: Thursday 24 December', () => {
    const review = planReview({ managerId: 'm', reportId: 'r', reportName: 'R', timeZone: AMS, conversationRef: {}, date: '2026-12-28', prepDaysBefore: 2 }, new Date('2026-11-23T08:00:00Z'));
    expect(plannedPrepAt(review, NL).toISOString()).toBe('2026-12-24T08:00:00.000Z');
  });

  it('Easter Monday 29 March 2027, after summer time began: Friday 26 March at 09:00 winter time', () => {
    const review = planReview({ managerId: 'm', reportId: 'r', reportName: 'R', timeZone: AMS, conversationRef: {}, date: '2027-03-31', prepDaysBefore: 2 }, new Date('2026-11-23T08:00:00Z'));
    expect(plannedPrepAt(review, NL).toISOString()).toBe('2027-03-26T08:00:00.000Z');
  });

  it('a conversation planned before this rule keeps its weekend job findable: erasure and a new plan remove it too', () => {
    const review = planReview({ managerId: 'm', reportId: 'r', reportName: 'R', timeZone: AMS, conversationRef: {}, date: '2026-12-14', prepDaysBefore: 2 }, new Date('2026-11-23T08:00:00Z'));
    // The job id such a plan wrote names its Saturday moment.
    expect(prepJobIds(review, NL)).toEqual(expect.arrayContaining([prepJobId(review, NL), `${review.id}_prep_20261212T080000Z`, `${review.id}_prep`]));
    expect(prepJobId(review, NL)).toBe(`${review.id}_prep_20261211T080000Z`);
  });
});
