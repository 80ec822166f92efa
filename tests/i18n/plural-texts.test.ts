import { HrReport } from '../../src/domain/hr-report/report';
import { TalentReview } from '../../src/domain/talent-review/review';
import { loadFrameworks } from '../../src/framework/load-frameworks';
import { createTranslator, Locale } from '../../src/i18n/i18n';
import { adaptiveCard } from '../../src/teams/cards/card-kit';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { pollReminderCard } from '../../src/teams/cards/pulse/pulse-reminder.card';
import { responseFact } from '../../src/teams/cards/pulse/pulse-results.card';
import { groupQuestionSection } from '../../src/teams/cards/question.section';
import { sessionCard } from '../../src/teams/cards/session.card';
import { validationSection } from '../../src/teams/cards/validation.section';
import { sessionSummaryCard } from '../../src/teams/cards/session-summary.card';
import { reviewsListCard } from '../../src/teams/cards/talent-review/reviews-list.card';
import { overviewCard, OVERVIEW_LIMITS } from '../../src/teams/cards/verantwoording/overview.card';
import { timeEditCard } from '../../src/teams/cards/verantwoording/time-edit.card';
import { CycleEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { AgendaItem, SessionView } from '../../src/usecases/week-cycle/session-view';
import { SummaryView } from '../../src/usecases/week-cycle/summary-view';
import { reportSummary } from '../../src/web/hr-report/report-files';
import { translator as tabTranslator } from '../../src/tab/i18n';
import { cardText } from '../support/group-driver';

/**
 * Issue 14, point 6: a count reads as people say it, "1 week" and "2 weken", in both languages;
 * never "week/weken" or "notitie(s)". Each case renders a real card with a count of one and of two.
 */
const translator = createTranslator();

function cycle(i: number, n: number): CycleEntry {
  return { groupId: `g${i}`, groupName: 'Team Zorg', cycleId: `g${i}_w${i}`, weekNumber: i, at: '2026-11-23T08:00:00Z', sessionsAttended: n, hours: n, hoursCorrected: false, timeRev: 0, correctable: true, timeVisibility: 'private', proposals: [], answers: [] };
}

/** An overview where every count is `n`: hours, weeks, notes, sessions, planned weeks, and `n` more than the card shows. */
function overview(n: number): VerantwoordingOverview {
  const note = (i: number) => ({ id: `note_${i}`, type: 'note' as const, userId: 'u', text: `Notitie ${i}`, visibility: 'private' as const, rev: 1, createdAt: `2026-11-2${i}T10:00:00Z`, updatedAt: '' });
  return {
    userId: 'u',
    profTraject: { id: 'pt', type: 'profTraject', userId: 'u', learningNeeds: 'Gespreksvoering', talents: 'Plannen', plannedWeeks: n, visibility: 'private', createdAt: '', updatedAt: '' },
    cycles: Array.from({ length: OVERVIEW_LIMITS.cycles + n }, (_, i) => cycle(i + 1, n)),
    notes: Array.from({ length: 5 + n }, (_, i) => note(i + 1)),
    totals: { cycles: n, sessions: n, hours: n, notes: n },
    granted: { hours: n, hoursPerWeek: n, weeks: n, weeksFrom: 'traject' },
    conversations: [],
  };
}

describe.each([
  ['nl', 1, ['Tot nu toe: 1 uur leertijd in 1 week, 1 notitie.', '1 van 1 uur toegekende leertijd gebruikt', '1 actieve week gepland', '1 uur (1 sessie bijgewoond)', '1 eerdere week staat in het tabblad Mijn verantwoording.', '1 oudere notitie staat in het tabblad Mijn verantwoording.']],
  ['nl', 2, ['Tot nu toe: 2 uur leertijd in 2 weken, 2 notities.', '2 van 2 uur toegekende leertijd gebruikt', '2 actieve weken gepland', '2 uur (2 sessies bijgewoond)', '2 eerdere weken staan in het tabblad Mijn verantwoording.', '2 oudere notities staan in het tabblad Mijn verantwoording.']],
  ['en', 1, ['So far: 1 hour of learning time in 1 week, 1 note.', '1 of 1 hour of granted learning time used', '1 active week planned', '1 hour (1 session attended)', '1 earlier week is in the My accountability tab.', '1 older note is in the My accountability tab.']],
  ['en', 2, ['So far: 2 hours of learning time in 2 weeks, 2 notes.', '2 of 2 hours of granted learning time used', '2 active weeks planned', '2 hours (2 sessions attended)', '2 earlier weeks are in the My accountability tab.', '2 older notes are in the My accountability tab.']],
] as const)('Mijn verantwoording in %s with counts of %i', (locale, n, expected) => {
  const text = cardText(overviewCard(overview(n), translator.t(locale), locale, 'Europe/Amsterdam'));

  it.each(expected)('reads "%s"', (line) => expect(text).toContain(line));

  it('confirms the hours of a week in the matching form', () => {
    const intro = cardText(timeEditCard(cycle(1, n), translator.t(locale), locale));
    const one = { nl: 'Je bevestigde 1 sessie van deze week, dat is 1 uur.', en: 'You confirmed 1 session this week, which is 1 hour.' };
    const two = { nl: 'Je bevestigde 2 sessies van deze week, dat is 2 uur.', en: 'You confirmed 2 sessions this week, which is 2 hours.' };
    expect(intro).toContain((n === 1 ? one : two)[locale]);
  });
});

/** A day-1 session card in `locale` with `minutes` left and questions carried over from last time. */
function sessionView(locale: Locale, minutes: number, carriedOver: number[], contributions = 0): SessionView {
  const framework = loadFrameworks({})[locale];
  const item: AgendaItem = {
    question: framework.questions[0]!,
    index: 0,
    answered: contributions > 0,
    contributions: Array.from({ length: contributions }, (_, i) => ({ authorName: 'Anna', text: `Bijdrage ${i + 1}` })),
  };
  const energy = { summary: { status: 'open' as const }, checkedIn: 0 };
  return {
    groupId: 'g1', groupName: 'Team Zorg', language: locale, weekNumber: 1, dayTitle: 'Kiezen', minutesLeft: minutes,
    session: { id: 'g1_c1_s1', cycleId: 'g1_c1', seq: 1, day: 1, status: 'open', warned: minutes <= 10, currentIndex: 0, carriedOver },
    agenda: [item], current: item, energy: { in: energy, out: energy }, aiEnabled: false, draftSources: [1, 2, 3, 4, 5], memberTeamsIds: [], memberCount: 3, actionKey: 'k1',
  };
}

describe.each([
  ['nl', 'Nog 1 minuut: rond af en check uit', 'Nog 2 minuten: rond af en check uit', 'Nog 11 minuten', 'Van de vorige keer: vraag 2', 'Van de vorige keer: vragen 2, 3'],
  ['en', '1 minute left: wrap up and check out', '2 minutes left: wrap up and check out', '11 minutes left', 'From last time: question 2', 'From last time: questions 2, 3'],
] as const)('the live session card in %s', (locale, oneLeft, twoLeft, elevenLeft, oneCarried, twoCarried) => {
  const t = translator.t(locale);

  it('counts the minutes left', () => {
    expect(cardText(sessionCard(sessionView(locale, 1, []), t))).toContain(oneLeft);
    expect(cardText(sessionCard(sessionView(locale, 2, []), t))).toContain(twoLeft);
    expect(cardText(sessionCard(sessionView(locale, 11, []), t))).toContain(elevenLeft);
  });

  it('names one carried-over question or several', () => {
    expect(cardText(sessionCard(sessionView(locale, 60, [2]), t))).toContain(oneCarried);
    expect(cardText(sessionCard(sessionView(locale, 60, [2, 3]), t))).toContain(twoCarried);
  });

  it('counts the earlier contributions that only the summary shows', () => {
    const earlier = (n: number) => {
      const view = sessionView(locale, 60, [], 12 + n);
      return cardText(adaptiveCard(groupQuestionSection(view, view.current!, t)));
    };
    expect(earlier(1)).toContain(locale === 'nl' ? '1 eerdere bijdrage staat in de samenvatting.' : '1 earlier contribution is in the summary.');
    expect(earlier(2)).toContain(locale === 'nl' ? '2 eerdere bijdragen staan in de samenvatting.' : '2 earlier contributions are in the summary.');
  });
});

function report(n: number): HrReport {
  return {
    period: { from: '2026-07-01', to: '2026-12-31' }, groupsActive: n, sessionsHeld: n, learningHours: n, proposalsMade: n, proposalsValidated: n, proposalsRejected: 0,
    energy: [], b3: [], adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  };
}

describe.each([
  ['nl', 1, ['1 groep hield 1 sessie: 1 leeruur.', '1 voorstel gemaakt; 1 aangenomen of aangepast, 0 afgewezen.'], 'De downloadlinks werken 1 minuut.'],
  ['nl', 2, ['2 groepen hielden 2 sessies: 2 leeruren.', '2 voorstellen gemaakt; 2 aangenomen of aangepast, 0 afgewezen.'], 'De downloadlinks werken 2 minuten.'],
  ['en', 1, ['1 group held 1 session: 1 learning hour.', '1 proposal made; 1 accepted or adapted, 0 rejected.'], 'The download links work for 1 minute.'],
  ['en', 2, ['2 groups held 2 sessions: 2 learning hours.', '2 proposals made; 2 accepted or adapted, 0 rejected.'], 'The download links work for 2 minutes.'],
] as const)('the HR report in %s with counts of %i', (locale, n, summaryLines, linksLine) => {
  const t = translator.t(locale);

  it.each(summaryLines)('the summary reads "%s"', (line) => expect(reportSummary(report(n), t, locale).split('\n')).toContain(line));

  it('says how long the links work', () => {
    expect(cardText(hrReportCard(report(n), { csv: 'https://x.example/csv', summary: 'https://x.example/txt', minutes: n }, t, locale))).toContain(linksLine);
  });
});

describe.each([
  ['nl', 'De voorbereidingskaart komt op vr 4 december om 09:00.', 'De voorbereidingskaart komt zo.', '1 reactie', '2 reacties'],
  ['en', 'The prep card arrives on Fri 4 December at 09:00.', 'The prep card arrives shortly.', '1 answer', '2 answers'],
] as const)('prep day and answers in %s', (locale, onADay, now, oneAnswer, twoAnswers) => {
  const t = translator.t(locale);
  const review = (prepDaysBefore: number) => ({ id: 'r1', reportName: 'Anna', date: '2026-12-08', timeZone: 'Europe/Amsterdam', prepDaysBefore }) as TalentReview;

  it('names the day the prep card comes, or says it comes now', () => {
    expect(cardText(reviewsListCard([], t, locale, { review: review(2), prepOn: '2026-12-04' }))).toContain(onADay);
    expect(cardText(reviewsListCard([], t, locale, { review: review(2) }))).toContain(now);
  });

  it('counts a poll\'s answers', () => {
    expect(responseFact({ respondents: 1 }, t).value).toBe(oneAnswer);
    expect(responseFact({ respondents: 2 }, t).value).toBe(twoAnswers);
  });
});

describe.each([
  ['nl', 'Tot nu toe: 1 uur leertijd in 1 week, 1 notitie.', 'Tot nu toe: 2,5 uur leertijd in 2 weken, 2 notities.'],
  ['en', 'So far: 1 hour of learning time in 1 week, 1 note.', 'So far: 2.5 hours of learning time in 2 weeks, 2 notes.'],
] as const)('the tab\'s own translator in %s', (locale, one, several) => {
  // The tab bundles the language files with a small translator of its own (src/tab/i18n.ts).
  const t = tabTranslator(locale);
  const totals = (hours: string, h: number, n: number) =>
    t('verantwoording.totals.line', { hours: t('verantwoording.totals.hours', { count: h, hours }), weeks: t('verantwoording.totals.weeks', { count: n }), notes: t('verantwoording.totals.notes', { count: n }) });

  it('picks the same plural forms as the bot', () => {
    expect(totals('1', 1, 1)).toBe(one);
    expect(totals(locale === 'nl' ? '2,5' : '2.5', 2.5, 2)).toBe(several);
  });
});

describe.each([
  ['nl', 'Nog open: vraag 2. Die komt de volgende sessie eerst.', 'Nog open: vragen 2, 3. Die komen de volgende sessie eerst.'],
  ['en', 'Still open: question 2. It comes first next session.', 'Still open: questions 2, 3. These come first next session.'],
] as const)('the session summary in %s', (locale, one, several) => {
  const questions = loadFrameworks({})[locale].questions;
  const summary = (unfinished: number[]): SummaryView => ({
    groupName: 'Team Zorg', cycleId: 'g1_c1', language: locale, weekNumber: 1, day: 1, dayTitle: 'Kiezen', weekly: false, answers: [], judgements: [], earlierJudgements: 0,
    energyIn: { status: 'tooFew' }, energyOut: { status: 'tooFew' }, attendeeCount: 3, unfinished: unfinished.map((id) => questions.find((q) => q.id === id)!), next: { kind: 'day', day: 2, title: 'Verkennen' },
  });

  it('names one unfinished question or several', () => {
    expect(cardText(sessionSummaryCard(summary([2]), 'g1', translator.t(locale)))).toContain(one);
    expect(cardText(sessionSummaryCard(summary([2, 3]), 'g1', translator.t(locale)))).toContain(several);
  });
});

describe.each([
  ['nl', "1 van 8 collega's heeft gereageerd (13%). Nog 2 dagen om in te vullen.", "2 van 8 collega's hebben gereageerd (25%). Nog 2 dagen om in te vullen."],
  ['en', '1 of 8 colleagues has answered (13%). 2 days left to answer.', '2 of 8 colleagues have answered (25%). 2 days left to answer.'],
] as const)('the B3 reminder in %s', (locale, one, two) => {
  it('agrees the verb with the number who answered', () => {
    expect(cardText(pollReminderCard({ respondents: 1, memberCount: 8, daysLeft: 2 }, translator.t(locale)))).toContain(one);
    expect(cardText(pollReminderCard({ respondents: 2, memberCount: 8, daysLeft: 2 }, translator.t(locale)))).toContain(two);
  });
});

describe.each([
  ['nl', 'De groep besluit zodra 3 van de 5 aanwezigen een oordeel gaven. Nog 1 oordeel nodig.', '0 oordelen, van 1 aanwezige.', 'De groep besluit zodra 1 van de 1 aanwezige een oordeel gaf. Nog 1 oordeel nodig.'],
  ['en', 'The group decides once 3 of the 5 present have judged. 1 more judgement needed.', '0 judgements, of 1 present.', 'The group decides once 1 of the 1 present has judged. 1 more judgement needed.'],
] as const)('the judgements of question 7 in %s', (locale, threeOfFive, noneOfOne, oneOfOne) => {
  const judgement = (i: number) => ({ id: `j${i}`, type: 'judgement' as const, groupId: 'g1', cycleId: 'g1_c1', proposalId: 'p1', memberId: `m${i}`, memberName: `Lid ${i}`, opinion: 'agree' as const, reason: 'Goed plan', at: '' });
  const card = (present: number, needed: number, judged: number) => {
    const view = { ...sessionView(locale, 30, []), proposal: { id: 'p1', ai: { status: 'none' as const }, judgements: Array.from({ length: judged }, (_, i) => judgement(i)), ownProposal: 'Een vast formulier', present, needed } };
    return cardText(adaptiveCard(validationSection(view, translator.t(locale))));
  };

  it('agrees the verb with the number of judgements needed, not with the number still missing', () => {
    expect(card(5, 3, 2)).toContain(threeOfFive);
  });

  it('counts one member present in the singular', () => {
    expect(card(1, 1, 0)).toContain(noneOfOne);
    expect(card(1, 1, 0)).toContain(oneOfOne);
  });
});
