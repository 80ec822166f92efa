/**
 * Found in review, stop 45. "Every month belongs to exactly one account", also when the months
 * change between years. 2026 keeps June and December; for 2027 HR chooses January and July. The
 * December 2026 reminder offers the report over 1 July - 31 December 2026; the January 2027
 * reminder must offer the half-year after that: from 1 January 2027, because the first half-year
 * starts after last year's second month as chosen for last year. It offered 1 August 2026 - 31
 * January 2027 (2027's July taken as last year's second month): August-December 2026 twice.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';

describe('consecutive half-years do not overlap when the months change with the year', () => {
  let t: TestApp;
  const reminders = () =>
    t.connector
      .cards((c) => c.conversationId === t.connector.personalChats.get('aad-hanna'))
      .map((c) => c.card)
      .filter((c: any) => cardText(c).includes(HR_TITLE));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('starts January 2027\'s half-year where December 2026\'s ended', async () => {
    const hr = new PersonalChat(t, hanna);
    await hr.say('jaarplan'); // 2026: June and December (default); schedules 1 December
    const next = await hr.press('jaarplan.open', { year: 2027 });
    const saved = await hr.press('jaarplan.save', { ...actionData(next, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '1', secondMoment: '7' });
    expect(cardText(saved)).toContain('januari en juli');

    t.clock.set('2026-12-01T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(reminders().map((c) => actionData(c, 'hrReport.view'))).toEqual([{ from: '2026-07-01', to: '2026-12-31', language: 'nl' }]);

    t.clock.set('2027-01-04T08:00:00Z'); // 1 January a holiday, then a weekend
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const periods = reminders().map((c) => actionData(c, 'hrReport.view'));
    expect(periods).toHaveLength(2);
    expect(periods[1]).toEqual({ from: '2027-01-01', to: '2027-01-31', language: 'nl' });
  });
});
