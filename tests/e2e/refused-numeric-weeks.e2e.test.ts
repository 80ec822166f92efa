import { field } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The setup form's `weeks` arrives as a JSON number (the verb schema accepts numbers, and
 * Action.Execute data may carry them). Refused (0 or 53), the form must show what was refused,
 * as it does for the text "0" (tests/e2e/refused-setup-and-agenda.e2e.test.ts): showing the
 * stored 20 instead means a second press silently saves 20.
 * Found in review, stop 37.
 */
describe('setup weeks sent as a number', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it.each([0, 53])('weeks %i -> the form shows the refused number next to the reason', async (weeks) => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:probe-weeks-${weeks}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp('nl');
    const res = await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks }, 'setup-card');
    expect(field(res.value, 'weeks')).toEqual({ value: weeks, next: 'Kies 1 tot 52 weken.' });
  });
});
