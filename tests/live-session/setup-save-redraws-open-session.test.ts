import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46. Stop 40 made "taal en" redraw the open session's shared card in the
 * new language (tests/e2e/language-redraws-open-session.e2e.test.ts): the shared card is what
 * every client shows until it refreshes, the only view on the Action.Submit fallback, and what
 * people outside the refresh list see. The group's setup form changes the same setting (and the
 * group's name): Cem saves it with "English" and a new name while day 1 is open. The bot answered
 * with the week's card in English, but the open session's shared card stayed Dutch, under the old
 * name, until the group's next step: one chat in two languages at once.
 * Must hold: once the save is answered, the open session's shared card shows the saved language
 * and name (redrawn the way "taal" redraws it).
 */
describe('language and name changed on the setup form while a session is open', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('the open session\'s shared card follows the saved settings', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:setup-language-open@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('nl');
    await g.startCycle();
    await g.startSession();
    expect(cardText(g.sharedCard())).toContain('Nog 60 minuten');

    const saved = await g.press(cem, 'group.setup.save', {
      name: 'Care Team North',
      members: g.members.map((m) => m.aadObjectId).join(','),
      days: '1,2,3,4',
      startTime: '09:00',
      timeZone: 'Europe/Amsterdam',
      language: 'en',
      weeks: '20',
    }, 'setup-card');
    // Stored, and answered in English.
    expect(cardText(saved.value)).toContain('Care Team North');

    const shared = cardText(g.sharedCard());
    expect({ english: shared.includes('60 minutes left'), newName: shared.includes('Care Team North') }).toEqual({ english: true, newName: true });
    expect(shared).not.toContain('Nog 60 minuten');
  }, 60_000);
});
