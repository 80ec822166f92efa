/**
 * Scenario: people who work in English read the names of things in English. A manager's English
 * prep card and the English HR report name the three Bs as the English B3-spiegel does (Engage,
 * Bind, Retain), and the English session card calls the place a personal answer goes "My
 * accountability" at questions 9 and 10, as the rest of the English bot does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { createTranslator } from '../../src/i18n/i18n';
import { loadInstruments } from '../../src/pulse-poll/load-instruments';

const mia = user('Mia');

describe('English output uses the English names', () => {
  let t: TestApp;
  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia', teamId: 'team-noord' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('names the Bs in English on the English prep card', async () => {
    const m = new PersonalChat(t, mia);
    await m.say('language en');
    await t.send(execute(m.conv, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'x'));
    await seedPoll(t, closedPoll('poll-en', 'team-noord', 'Zorgteam Noord', '2026-11-20'), [4, 4, 4, 4, 4]);
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const prep = cardText((await t.send(execute(m.conv, mia, 'review.prep.show', { reviewId }, 'x'))).body.value);
    expect(prep).toContain('Prep: talent development conversation with Anna');
    expect(prep).toMatch(/Engage 75, Bind 75, Retain 75/);
    expect(prep).not.toMatch(/Boeien|Binden|Behouden/);
  });

  it('names the Bs in the English texts as the English B3-spiegel labels them, and in Dutch as the Dutch one does', () => {
    const instruments = loadInstruments();
    for (const language of ['en', 'nl'] as const) {
      const t = createTranslator().t(language);
      const labels = ['boeien', 'binden', 'behouden'].map((id) => instruments[language].items.find((item) => item.id === id)!.label);
      const scores = { boeien: 75, binden: 70, behouden: 65 };
      expect(t('hrReport.b3Scores', scores)).toBe(`${labels[0]} 75, ${labels[1]} 70, ${labels[2]} 65`);
      expect(t('talentReview.prep.pulseOk', { ...scores, count: 5, closedOn: 'x' })).toMatch(new RegExp(`^${labels[0]} 75, ${labels[1]} 70, ${labels[2]} 65 `));
    }
  });

  it('calls it My accountability at the personal questions of the English session card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp('en');
    await g.startCycle();
    await g.press(MEMBERS[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9,10', day2: '1,2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    const q9 = cardText((await g.press(MEMBERS[0]!, 'session.refresh', g.ids())).value);
    const saved = cardText((await g.press(MEMBERS[0]!, 'session.personal', { ...g.ids(), questionId: 9, text: 'Plan better' })).value);
    expect(saved).toContain('My accountability');
    await g.goTo(MEMBERS[0]!, 1);
    const q10 = cardText((await g.press(MEMBERS[0]!, 'session.refresh', g.ids())).value);
    expect(q9).toContain('It goes into My accountability');
    expect(q10).toContain('what do I put in my accountability?');
    expect(`${q9}\n${q10}`).not.toMatch(/verantwoording/i);
  });
});
