import { execute, message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportRestrictedCard } from '../../src/teams/cards/hr-report/hr-report-restricted.card';
import { anna, bram, cem, planConversation, shareAccount, startWithMiaAsManager } from '../privacy/support/facilitation';
import { askReport } from '../support/hr-report';

const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';
const ABOUT_BRAM = 'Budget voor een cursus vrijgemaakt';
const LINK = /\/reports\/hr\.(csv|txt)\?token=/;

/**
 * The HR report holds the managers' accounts shared with HR only, learning-need texts for L&O and
 * bearer links to the CSV. Asked for in a channel or group chat (here the learning group's chat,
 * with Anna, Bram and Cem in it), the chat gets only a card saying the report exists, which
 * refreshes to the report for the asker alone (hrReport.view), as B3 results do (pulse.view).
 * In the asker's 1:1 chat the report is posted as it is.
 * Found in review, stop 39.
 */
describe('HR report asked in a shared chat', () => {
  let t: TestApp;
  const groupChat = () => t.conversation('groupChat', '19:learning-group@thread.v2');

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await planConversation(t, anna, '2026-12-10');
    await shareAccount(t, anna, ABOUT_ANNA);
    await planConversation(t, bram, '2026-12-15');
    await shareAccount(t, bram, ABOUT_BRAM);
    await planConversation(t, cem, '2026-12-17');
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('does not post HR-only text or download links where everyone in the chat reads them', async () => {
    const before = t.connector.calls.length;
    await t.send(message(groupChat(), HR, 'rapport 2026-12-01 2026-12-31'));
    const posted = t.connector.calls.slice(before).filter((c) => c.conversationId === groupChat().id && c.activity?.attachments?.length);
    expect(posted.length).toBeGreaterThan(0);
    for (const call of posted) {
      for (const att of call.activity.attachments) {
        // What every reader of the chat sees: the card without a refresh meant for the asker alone.
        const { refresh: _refresh, ...seenByAll } = (att.content ?? {}) as Record<string, unknown>;
        expect(cardText(seenByAll)).not.toContain(ABOUT_ANNA);
        expect(JSON.stringify(seenByAll)).not.toMatch(LINK);
      }
    }
  });

  it('says in the chat that only the asker sees the report, and refreshes it for them alone', async () => {
    const seen = (await askReport(t, groupChat(), HR, 'rapport 2026-12-01 2026-12-31'))!;
    expect(cardText(seen.posted)).toContain('Het rapport over 1 dec 2026 tot en met 31 dec 2026 is alleen te zien voor de HR/L&O-medewerker die het opvroeg');
    expect(seen.posted.refresh.userIds).toEqual([HR.id]);
    expect(JSON.stringify(seen.posted)).not.toMatch(LINK);
    // The asker's own view: the whole report, with fresh download links.
    expect(cardText(seen.card)).toContain(ABOUT_ANNA);
    expect(JSON.stringify(seen.card)).toMatch(LINK);
    expect(cardProblems(seen.card)).toEqual([]);
  });

  it('answers anyone else who presses the button with the not-HR text, and nothing of the report', async () => {
    const seen = (await askReport(t, groupChat(), HR, 'rapport 2026-12-01 2026-12-31'))!;
    const res = await t.send(execute(groupChat(), anna, 'hrReport.view', seen.posted.refresh.action.data, 'pressed-by-anna'));
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Alleen HR/L&O kan het rapport opvragen.' });
    expect(JSON.stringify(res.body)).not.toContain(ABOUT_ANNA);
  });

  it('refuses a non-HR asker in the chat without a card', async () => {
    const before = t.connector.calls.length;
    await t.send(message(groupChat(), anna, 'rapport 2026-12-01 2026-12-31'));
    const answers = t.connector.calls.slice(before);
    expect(answers.map((c) => c.activity.text).join('\n')).toContain('Alleen HR/L&O kan het rapport opvragen.');
    expect(answers.some((c) => c.activity.attachments?.length)).toBe(false);
  });

  it('posts the whole report in the asker\'s own 1:1 chat, where only they read it', async () => {
    const seen = (await askReport(t, t.conversation('personal', 'a:personal-hanna'), HR, 'rapport 2026-12-01 2026-12-31'))!;
    expect(seen.posted.refresh).toBeUndefined();
    expect(cardText(seen.posted)).toContain(ABOUT_ANNA);
    expect(JSON.stringify(seen.posted)).toMatch(LINK);
  });

  // The Dutch command word chose Dutch before the Teams client's language, in the 1:1 chat too (stop 39).
  it("follows the asker's English Teams client in their 1:1 chat, whichever command word they type", async () => {
    const chat = t.conversation('personal', 'a:personal-hanna-en');
    for (const word of ['rapport', 'report']) {
      const before = t.connector.calls.length;
      await t.send({ ...message(chat, HR, `${word} 2026-12-01 2026-12-31`), locale: 'en-US' });
      const posted = t.connector.calls.slice(before).find((c) => c.activity?.attachments?.length)?.activity.attachments[0].content;
      expect(cardText(posted)).toContain('Reflection and feedback');
    }
  });

  it.each(['nl', 'en'] as const)('has a restricted card that passes the schema (%s)', (language) => {
    const card = hrReportRestrictedCard({ period: { from: '2026-12-01', to: '2026-12-31' }, language, refreshUserIds: ['29:hanna'] }, createTranslator().t(language));
    expect(cardProblems(card)).toEqual([]);
  });
});
