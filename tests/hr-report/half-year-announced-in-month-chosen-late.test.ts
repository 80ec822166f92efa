/**
 * Found in review, stop 48 (the year's rhythm). A moment month chosen, or first used, after its
 * first working day was never announced. On Wednesday 14 October 2026 Hanna (HR) saves June and
 * October for 2026 (the board meets this month): the next moment was computed as June 2027, the
 * pending December job found December no longer chosen, and July-October 2026 was announced to
 * nobody, ever. Now the month that is a moment now, past its time and not yet announced, gets its
 * job due now (a run inside its month still says something true), once.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';

describe('HR makes the current month a moment after its first working day', () => {
  let t: TestApp;
  const reminders = () =>
    t.connector
      .cards((c) => c.conversationId === t.connector.personalChats.get('aad-hanna'))
      .map((c) => c.card)
      .filter((c: any) => cardText(c).includes(HR_TITLE));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-10-14T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('announces the half-year July-October 2026 within October', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = (await hr.say('jaarplan')).cards[0];
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '6', secondMoment: '10' });
    expect(cardText(saved)).toContain('juni en oktober');

    for (const at of ['2026-10-14T09:05:00Z', '2026-10-15T07:00:00Z', '2026-10-30T12:00:00Z', '2026-12-01T08:00:00Z']) {
      t.clock.set(at);
      await t.app.scheduler.runDue();
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
    }
    const periods = reminders().map((c) => actionData(c, 'hrReport.view'));
    expect(periods).toEqual([{ from: '2026-07-01', to: '2026-10-31', language: 'nl' }]);
  });
});

/**
 * The same rule where it bit: HR first opens the Jaarplan on Thursday 3 December 2026, two days
 * after December's first working day (a tenant that starts with the app this week). The half-year
 * July-December was announced to nobody; the first reminder was June 2027. Once announced, the
 * year's plan remembers it: HR opening the Jaarplan again later in December (the ran job expired)
 * schedules nothing for December again.
 */
describe('HR starts in the moment month, after its first working day', () => {
  let t: TestApp;
  const reminders = () =>
    t.connector
      .cards((c) => c.conversationId === t.connector.personalChats.get('aad-hanna'))
      .map((c) => c.card)
      .filter((c: any) => cardText(c).includes(HR_TITLE));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-12-03T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('announces the half-year July-December 2026 within December', async () => {
    await new PersonalChat(t, hanna).say('jaarplan');
    for (const at of ['2026-12-03T09:05:00Z', '2026-12-04T08:00:00Z', '2026-12-31T12:00:00Z']) {
      t.clock.set(at);
      await t.app.scheduler.runDue();
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
    }
    expect(reminders().map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-07-01', to: '2026-12-31', language: 'nl' }]);
  });

  it('schedules nothing for December again once it was announced, also after its job expired', async () => {
    const jobs = t.store.container('jobs');
    const halfYearJobs = async () => (await jobs.items.query("SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear'").fetchAll()).resources as { id: string; dueAt: string; status: string; payload: { month: number } }[];
    // The December job ran (done); the store drops it a week later (its TTL): gone here.
    const december = (await halfYearJobs()).filter((j) => j.payload.month === 12);
    expect(december.map((j) => j.status)).toEqual(['done']);
    for (const j of december) await jobs.item(j.id, j.id).delete();

    t.clock.set('2026-12-14T09:00:00Z');
    await new PersonalChat(t, hanna).say('jaarplan');
    expect((await halfYearJobs()).filter((j) => j.status === 'pending').map((j) => j.dueAt)).toEqual(['2027-06-01T07:00:00.000Z']);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(reminders()).toHaveLength(1);
  });
});
