import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { createTranslator } from '../../src/i18n/i18n';
import { prepCard } from '../../src/teams/cards/talent-review/prep.card';
import { PrepView } from '../../src/usecases/talent-review/prep';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const translator = createTranslator();
const long = (n: number) => 'woord '.repeat(Math.ceil(n / 6)).slice(0, n);

/**
 * A professional who shares a whole half-year (questions 9 and 10 of 20 active weeks, the default
 * Prof-traject) and ten long notes. The prep card put every reflection and proposal on it, uncapped:
 * 98 KB, beyond the size Teams delivers (413 MessageSizeTooBig), so the manager got no card at all.
 * Now it shows the newest ones, says how many older ones there are, and cuts long texts shorter
 * until the card fits. Found in review, stop 38.
 */
describe('a prep card with a half-year of shared reflections stays within the size Teams delivers', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('shows the newest reflections, counts the older ones, and fits', async () => {
    const v = verantwoordingDeps(t.cosmos);
    for (let week = 1; week <= 20; week++) {
      for (const questionId of [9, 10]) {
        const a = writePersonalAnswer({
          userId: 'aad-anna',
          groupId: 'g-probe',
          cycleId: `c-${week}`,
          sessionId: `s-${week}-4`,
          questionId,
          text: `Week ${week}, vraag ${questionId}: ` + 'ik heb geleerd om beter te delegeren en mijn werk te plannen. '.repeat(40),
          // Shared all at once, just before the conversation: the later week comes first.
          updatedAt: '2026-11-20T10:00:00Z',
          visibility: 'shared',
        });
        await v.records.create(a);
      }
    }
    for (let i = 1; i <= 10; i++) await addNote(v, 'aad-anna', { key: `n${i}`, text: `Notitie ${i}: ` + 'een lange gedachte over mijn ontwikkeling. '.repeat(60), shared: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    const card = (await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: review.id }, 'list-card'))).body.value;
    const text = cardText(card);
    // Weeks 20 to 15 (both questions), newest first; the 28 older ones counted.
    expect(text).toContain('Week 20, vraag 10');
    expect(text).toContain('Week 15, vraag 9');
    expect(text).not.toContain('Week 14, vraag 10');
    expect(text).toContain('en nog 28 oudere gedeelde reflecties');
    expect(text).toContain('Notitie 10:');
    expect(cardProblems(card)).toEqual([]);
  });
});

/** The longest card there can be: every section full, every text as long as it may be, in both languages. */
describe.each(['nl', 'en'] as const)('the fullest prep card fits (%s)', (locale) => {
  const t = translator.t(locale);
  const proposal = (i: number): PrepView['proposals'][number] => ({ groupName: `Team ${i} ${long(150)}`, source: 'decision', text: `Voorstel ${i}: ${long(2000)}`, status: 'adapt', reason: long(1000) });
  const view: PrepView = {
    review: { id: 'r', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', facilitated: long(2000), shareFacilitation: true },
    preview: false,
    time: {
      hoursUsed: 80,
      granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' },
      weeks: Array.from({ length: 20 }, (_, i) => ({ groupName: `Groep ${long(150)}`, weekNumber: i + 1, hours: 4, corrected: false, sessionsAttended: 4 })),
    },
    proposals: Array.from({ length: 14 }, (_, i) => proposal(i + 1)),
    reflections: Array.from({ length: 12 }, (_, i) => ({ question: long(300), text: `Reflectie ${i}: ${long(4000)}` })),
    moreReflections: 28,
    notes: Array.from({ length: 10 }, (_, i) => `Notitie ${i}: ${long(4000)}`),
    moreNotes: 5,
    traject: { learningNeeds: long(4000), talents: long(4000), plannedWeeks: 20 },
    phase: { own: 'actie', proposed: 'toepassen', talkingPoints: 'actie' },
    teams: Array.from({ length: 7 }, (_, i) => ({ name: `Team ${i} ${long(200)}`, pulse: { status: 'ok' as const, closedOn: '2026-11-01', respondents: 8, scores: { boeien: 4, binden: 4, behouden: 4 } } })),
    aiSummary: long(4000),
  };

  it('is valid, within the size, and still says what it leaves out', () => {
    const card = prepCard(view, t, locale, { facilitated: long(2500) });
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(t('talentReview.prep.moreProposals', { count: 4 }));
    expect(text).toContain(t('talentReview.prep.moreReflections', { count: 28 }));
    expect(text).toContain(t('talentReview.prep.moreNotes', { count: 5 }));
    expect(text).toContain('Voorstel 1:');
    expect(text).not.toContain('Voorstel 11:');
  });
});
