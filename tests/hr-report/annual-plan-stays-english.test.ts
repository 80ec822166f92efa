/**
 * Found in review, stop 45. Hanna (HR, Teams client in Dutch, no language chosen) types
 * `annual plan`:
 * - in the HR channel, the card everyone sees is English, and her Teams refreshes it to the form:
 *   that form is English too, because the card carries the language the command word gave, as
 *   `report`'s card does;
 * - in her 1:1 chat she gets the English form; pressing Save answers in English too, because the
 *   form's buttons carry that language.
 * The refreshed form and the saved card came back in Dutch: `jaarplan.open`/`jaarplan.save`
 * carried no language.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { askReport } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

const hanna = user('Hanna');

describe('annual plan stays English', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('refreshes the English channel card to an English form', async () => {
    const channel = t.conversation('channel', '19:hr-channel@thread.tacv2');
    const seen = await askReport(t, channel, hanna, 'annual plan');
    expect(cardText(seen!.posted)).toContain('Annual plan for sustainable learning 2026');
    expect(cardText(seen!.card)).toContain('Annual plan for sustainable learning 2026');
    expect(cardText(seen!.card)).not.toContain('Opslaan');
  });

  it('answers the English form\'s save in English', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = (await hr.say('annual plan')).cards[0];
    expect(cardText(form)).toContain('Annual plan for sustainable learning 2026');
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '40', learningHours: '', proposalsValidated: '', firstMoment: '6', secondMoment: '12' });
    expect(cardText(saved)).toContain('Annual plan for sustainable learning 2026 saved');
  });
});
