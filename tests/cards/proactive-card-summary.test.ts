/**
 * Found in review (accessibility). Every card the app sends on its own (the Prof-traject offer in
 * a member's 1:1 chat, a manager's prep card, a B3 poll card and its reminders in a team channel,
 * a session's summary in the group's chat) went out as a bare attachment: the activity had no
 * `summary`, so Teams' toast, activity feed and chat list said only "Sent a card" / "Card", and a
 * screen reader announced nothing about what arrived.
 *
 * What must hold: each of these activities carries a `summary` in the reader's language saying
 * what arrived (the card's own title), at most 120 characters, and no `text` (which would show in
 * the chat above the card). It says nothing the card does not show the same reader: a poll card in
 * a channel is summed up by the poll's title, a reminder by its counts, never by who answered.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptiveCard, heading, subtle, textBlock } from '../../src/teams/cards/card-kit';
import { cardActivity, cardSummary } from '../../src/teams/cards/card-summary';
import { execute, message, TestUser, user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { RecordedCall } from '../support/recording-connector';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';

type Sent = { type: string; summary?: string; text?: string; attachments?: { content: unknown }[] };

/** The activity's summary, after checking it is one a notification can show: short, and the card alone in the chat. */
function summaryOf(call: RecordedCall | undefined): string {
  expect(call).toBeDefined();
  const activity = call!.activity as Sent;
  expect(activity.text).toBeUndefined();
  expect(typeof activity.summary).toBe('string');
  // 1 to 120 characters (a length, not a time).
  expect(activity.summary).toMatch(/^.{1,120}$/su);
  return activity.summary!;
}

const cardPosts = (t: TestApp, conversationId: string | undefined) =>
  t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId && (c.activity as Sent).attachments?.length);

describe('the summary of a card', () => {
  it('is its first heading, else its first visible text, as plain words', () => {
    expect(cardSummary(adaptiveCard([subtle('Kleine regel'), heading('**Schets** je [Prof-traject](https://example.org)')]))).toBe('Schets je Prof-traject');
    expect(cardSummary(adaptiveCard([textBlock('Verborgen', { isVisible: false }), textBlock('⏰ Herinnering:\n2 van 8 collega\'s')]))).toBe('⏰ Herinnering: 2 van 8 collega\'s');
  });

  it('is cut on a word boundary with an ellipsis, within 120 characters', () => {
    const long = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');
    const summary = cardSummary(adaptiveCard([heading(long)]))!;
    expect(summary).toMatch(/^.{1,120}$/su);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long.charAt(summary.length - 1)).toBe(' ');
  });

  it('is left out for a card without text, and the activity never gets a text', () => {
    expect(cardActivity(adaptiveCard([]))).toEqual({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: adaptiveCard([]) }] });
    expect(cardActivity(adaptiveCard([heading('Titel')]))).not.toHaveProperty('text');
  });
});

const LANGUAGES = [
  {
    language: 'nl' as const,
    offer: 'Schets je Prof-traject',
    summary: /^Samenvatting Team Zorg · week 1, dag 1/,
    pollStart: 'peiling start dit team 2026-12-04',
    poll: 'B3-spiegel',
    reminder: /^⏰ Herinnering B3-spiegel/,
    prep: 'Voorbereiding: talentontwikkelgesprek met Anna',
  },
  {
    language: 'en' as const,
    offer: 'Sketch your Prof-traject',
    summary: /^Summary Team Zorg · week 1, day 1/,
    pollStart: 'poll start this team 2026-12-04 language en',
    poll: 'B3 mirror',
    reminder: /^⏰ B3 mirror reminder/,
    prep: 'Prep: talent development conversation with Anna',
  },
];

describe.each(LANGUAGES)('proactive cards in $language say in words what arrived', (lang) => {
  describe('in a group\'s first week', () => {
    let t: TestApp;
    let g: GroupDriver;
    const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
    beforeAll(async () => {
      t = await startTestApp({}, '2026-11-23T07:00:00Z'); // Monday 08:00 in Amsterdam
      g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
      await g.setUp(lang.language);
      await g.startCycle();
      await runAt(t, '2026-11-23T08:00:00Z'); // 09:00: day 1 opens by itself
      await runAt(t, '2026-11-23T09:00:00Z'); // its time box closes it; the first session is over
    });
    afterAll(() => t.stop());

    it('the Prof-traject offer in a member\'s 1:1 chat', () => {
      const offer = cardPosts(t, t.connector.personalChats.get(bram.id)).find((c) => JSON.stringify(c.activity).includes('verantwoording.traject.open'));
      expect(summaryOf(offer)).toBe(lang.offer);
    });

    it('the session summary in the group\'s chat', () => {
      const summaries = cardPosts(t, g.conv.id).filter((c) => lang.summary.test((c.activity as Sent).summary ?? ''));
      expect(summaries).toHaveLength(1);
      summaryOf(summaries[0]);
    });
  });

  describe('a B3 poll in a team channel', () => {
    let t: TestApp;
    let d: PulseDriver;
    const noord: TestTeam = team('Zorgteam Noord', `noord-${lang.language}`, [HR, ...members(`lid-${lang.language}`, 7)]);
    beforeAll(async () => {
      t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'card-summary-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
      d = new PulseDriver(t);
      await d.startPoll(noord, lang.pollStart);
    }, 60_000);
    afterAll(() => t.stop());

    it('the poll card carries the poll\'s title', () => {
      const card = cardPosts(t, noord.id).find((c) => JSON.stringify(c.activity).includes('pulse.view'));
      expect(summaryOf(card)).toBe(lang.poll);
    });

    it('a reminder in its thread carries its counts, never who answered', async () => {
      const answered = noord.members.slice(1, 3);
      for (const m of answered) await d.answerOnCard(noord, m, 4);
      const before = t.connector.calls.length;
      t.clock.set('2026-11-30T12:00:00Z'); // past the halfway reminder
      await t.app.scheduler.runDue();
      await d.settle();
      const reminder = t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.conversationId?.startsWith(`${noord.id};messageid=`));
      const summary = summaryOf(reminder);
      expect(summary).toMatch(lang.reminder);
      for (const m of answered) expect(summary).not.toContain(m.name);
    }, 60_000);
  });

  describe('a manager\'s prep card', () => {
    let t: TestApp;
    const mia = user('Mia');
    const miaChat = () => t.conversation('personal', 'a:personal-mia');
    beforeAll(async () => {
      const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
      writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
      t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
      if (lang.language === 'en') await t.send(message(miaChat(), mia, 'language en'));
      await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    });
    afterAll(() => t.stop());

    it('comes on its day with the conversation it prepares as its summary', async () => {
      t.clock.set('2026-12-07T08:00:00Z'); // Monday 09:00 in Amsterdam, three days ahead
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(30_000);
      const prep = cardPosts(t, 'a:personal-mia').find((c) => (c.activity as Sent).summary === lang.prep);
      summaryOf(prep);
    });
  });
});
