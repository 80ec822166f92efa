import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { buildResults, tallyOfScores } from '../../src/domain/pulse-poll/results';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { TalentReview } from '../../src/domain/talent-review/review';
import { loadFrameworks } from '../../src/framework/load-frameworks';
import { createTranslator } from '../../src/i18n/i18n';
import { loadInstruments } from '../../src/pulse-poll/load-instruments';
import { adaptiveCard, escapeMarkdown } from '../../src/teams/cards/card-kit';
import { cycleCard } from '../../src/teams/cards/cycle.card';
import { adoptionSection } from '../../src/teams/cards/hr-report/adoption.section';
import { profTrajectOfferCard } from '../../src/teams/cards/prof-traject-offer.card';
import { plannedWeeksEndCard } from '../../src/teams/cards/planned-weeks-end.card';
import { teamAccountCard } from '../../src/teams/cards/talent-review/team-account.card';
import { pollAnnouncementCard } from '../../src/teams/cards/pulse/pulse-announcement.card';
import { pollClosedCard } from '../../src/teams/cards/pulse/pulse-closed.card';
import { pollFormCard } from '../../src/teams/cards/pulse/pulse-form.card';
import { pollNudgeCard } from '../../src/teams/cards/pulse/pulse-nudge.card';
import { pollProgressCard } from '../../src/teams/cards/pulse/pulse-progress.card';
import { pollResultsCard } from '../../src/teams/cards/pulse/pulse-results.card';
import { pollStartedCard } from '../../src/teams/cards/pulse/pulse-started.card';
import { teamResultsCard } from '../../src/teams/cards/pulse/pulse-team-results.card';
import { planCard } from '../../src/teams/cards/rhythm/plan.card';
import { sessionSummaryCard } from '../../src/teams/cards/session-summary.card';
import { sessionCard } from '../../src/teams/cards/session.card';
import { changeReviewCard } from '../../src/teams/cards/talent-review/change-review.card';
import { reviewNoticeCard } from '../../src/teams/cards/talent-review/review-notice.card';
import { reviewSavedCard } from '../../src/teams/cards/talent-review/review-saved.card';
import { reviewsListCard } from '../../src/teams/cards/talent-review/reviews-list.card';
import { welcomeBackCard } from '../../src/teams/cards/welcome.card';
import { PollStatus } from '../../src/usecases/pulse-poll/poll-status';
import { AgendaItem } from '../../src/usecases/week-cycle/session-view';
import { cardProblems } from '../support/card-validator';

/** A name as anyone could type it on a form, or set it in Teams: a link and bold text in Markdown. */
const NAME = '[Bevestig je Teams-account](https://evil.example/login) **dringend**';

/** Every text Teams reads as Markdown (TextBlocks, facts), and every text it shows as typed (TextRuns). */
function texts(node: unknown, out = { markdown: [] as string[], runs: [] as string[] }) {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.markdown.push(o.text);
    if (o.type === 'TextRun' && typeof o.text === 'string') out.runs.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.markdown.push(f.title, f.value);
    Object.values(o).forEach((v) => texts(v, out));
  }
  return out;
}

const t = createTranslator().t('nl');
const framework = loadFrameworks({}).nl;
const instrument = loadInstruments().nl;
const review = { id: 'r1', reportName: NAME, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDaysBefore: 3 } as TalentReview;

function pollResults() {
  const targets = [0, 1].map((i) => ({ id: `t${i}`, teamId: `team${i}`, teamName: NAME, channelId: 'c', serviceUrl: 'x', delivered: true, memberCount: 9 }));
  const poll = { id: 'p', targets, scope: { kind: 'all' }, opensAt: '2026-11-23' } as unknown as Poll;
  const scores = Object.fromEntries(ITEM_IDS.map((id) => [id, 4])) as Record<(typeof ITEM_IDS)[number], 4>;
  const teams = Object.fromEntries(targets.map((x) => [x.id, tallyOfScores(Array.from({ length: 6 }, () => scores))]));
  return buildResults({ poll, teams, minRespondents: 5 }, []);
}

const item: AgendaItem = { question: framework.questions[0]!, index: 0, answered: false, contributions: [] };
const energy = { summary: { status: 'open' as const }, checkedIn: 0 };
const progress: PollStatus = {
  poll: { id: 'p' } as Poll, open: true, daysLeft: 1, teams: [{ teamName: NAME, respondents: 2, memberCount: 9, delivered: true }],
  respondents: 2, memberCount: 9, messages: { sent: 1, pending: 0, undeliverable: 0, failed: 0, unconfirmed: 0 },
};

/** One card per place a typed name lands, built with that name. */
const cards: [string, object][] = [
  ['the Prof-traject offer (group name)', profTrajectOfferCard({ groupName: NAME, plannedWeeks: 20 }, t)],
  ['the look-back at the planned weeks\' end (group name)', plannedWeeksEndCard({ groupName: NAME, plannedWeeks: 20, key: 'k1' }, t)],
  ['the cycle card after the planned weeks (group name)', cycleCard({ groupId: 'g', groupName: NAME, plannedWeeks: 20, nextWeek: 22, framework, cycle: { id: 'g_w21', type: 'cycle', groupId: 'g', weekNumber: 21, agenda: [{ day: 1, questionIds: [1] }], sessionDates: [], startedBy: 'a', startedAt: '2026-01-01T00:00:00Z' }, plan: { members: [NAME], weekdays: [1], startTime: '09:00', timeZone: 'Europe/Amsterdam', sessionMinutes: 60 } }, t)],
  ['a manager\'s account to the team (manager name)', teamAccountCard({ managerName: NAME, text: 'Wat ik deed' }, t)],
  ['welcome back (group name)', welcomeBackCard(NAME, t)],
  ['the plan of the year (group name)', planCard({ groupId: 'g', groupName: NAME, language: 'nl', startTime: '09:00', plannedWeeks: 1, weeks: [], startedWeeks: 0, skipped: [] }, t)],
  ['the cycle card (group and member names)', cycleCard({ groupId: 'g', groupName: NAME, plannedWeeks: 20, nextWeek: 1, framework, plan: { members: [NAME, 'Bram'], weekdays: [1], startTime: '09:00', timeZone: 'Europe/Amsterdam', sessionMinutes: 60 } }, t)],
  ['the live session (group name)', sessionCard({
    groupId: 'g1', groupName: NAME, language: 'nl', weekNumber: 1, dayTitle: 'Kiezen', minutesLeft: 60,
    session: { id: 'g1_c1_s1', cycleId: 'g1_c1', seq: 1, day: 1, status: 'open', warned: false, currentIndex: 0, carriedOver: [] },
    agenda: [item], current: item, energy: { in: energy, out: energy }, aiEnabled: false, draftSources: [1, 2, 3, 4, 5], memberTeamsIds: [], memberCount: 3, actionKey: 'k1',
  }, t)],
  ['the session summary (group and contributor names)', sessionSummaryCard({
    groupName: NAME, cycleId: 'g1_c1', language: 'nl', weekNumber: 1, day: 1, dayTitle: 'Kiezen', weekly: false,
    answers: [{ question: framework.questions[0]!, text: 'Antwoord', contributorNames: [NAME] }], judgements: [], earlierJudgements: 0,
    energyIn: { status: 'tooFew' }, energyOut: { status: 'tooFew' }, attendeeCount: 3, unfinished: [], next: { kind: 'day', day: 2, title: 'Verkennen' },
  }, 'g1', t)],
  ['the HR report\'s adoption (group name)', adaptiveCard(adoptionSection({ adopted: 1, lookedBack: 0, taken: 0, groups: [{ groupName: NAME, proposals: [{ verdict: 'accept', text: 'x', decidedOn: '2026-11-23' }] }] }, t, 'nl'))],
  ['the poll form (team name)', pollFormCard({ pollId: 'p', targetId: 't', teamName: NAME, closesLabel: 'x', instrument, refreshUserIds: ['29:a'], manualRefresh: false }, t)],
  ['the poll announcement (team name)', pollAnnouncementCard({ teamName: NAME, closesLabel: 'x', anonymity: instrument.anonymity }, t)],
  ['the poll nudge (team and channel name)', pollNudgeCard({ teamName: NAME, channelName: NAME, daysLeft: 2, private: false }, t)],
  ['the closed poll (newer team poll)', pollClosedCard({ title: instrument.title, closed: { by: 'date', label: 'x' }, newer: { teamName: NAME, private: true } }, t)],
  ['the poll progress (team names)', pollProgressCard({ progress, closesLabel: 'x' }, t)],
  ['the poll started (team names)', pollStartedCard({ teams: [NAME], closesLabel: 'x', delivery: 'private', reminders: [], privateNudges: false, generalInstead: [NAME], language: 'nl', languageGiven: true }, t)],
  ['the poll results (team names)', pollResultsCard({ pollId: 'p', instrument, language: 'nl', closed: { by: 'date', label: 'x' }, results: pollResults(), heldBack: false, comments: [{ teamName: NAME, texts: ['y'] }] }, t)],
  ['the team\'s results (team name)', teamResultsCard({ instrument, language: 'nl', closed: { by: 'date', label: 'x' }, team: pollResults().teams[0]!, minRespondents: 5 }, t)],
  ['the review notice (manager name)', reviewNoticeCard({ date: '2026-12-10', change: { kind: 'planned' }, managerName: NAME }, t, 'nl')],
  ['the review saved (line naming the report)', reviewSavedCard(review, t, { line: t('talentReview.change.cancelled', { name: NAME, date: '10 december' }) })],
  ['the list of reviews (report names)', reviewsListCard([review], t, 'nl', { review }, { line: t('talentReview.change.cancelled', { name: NAME, date: '10 december' }), withoutPlan: [{ reportId: 'x', name: NAME }] })],
  ['the change of a review (report name)', changeReviewCard(review, '2026-11-23', t, 'nl', 'k')],
];

/**
 * Found in review, the Markdown group name finding, swept over every card. A group's name is typed
 * by any member on the setup form; team and channel names, and people's names, are typed in Teams.
 * Teams reads a TextBlock and a fact as Markdown, so a name like "[Bevestig je Teams-account](...)"
 * became a link on a card the bot itself sends. On every card a typed name must show as typed: in a
 * TextRun, or, where the sentence stays Markdown (a heading, a fact), with its Markdown escaped.
 */
describe('names typed by people are never read as Markdown', () => {
  it.each(cards)('%s', (_name, card) => {
    const { markdown, runs } = texts(card);
    // An unescaped link or emphasis: "](" or "**" not preceded by a backslash.
    expect(markdown.filter((m) => /(?<!\\)\]\(https:\/\/evil\.example/.test(m) || /(?<!\\)\*(?<!\\\*)\*dringend/.test(m))).toEqual([]);
    // Shown somewhere: as typed in a TextRun, or escaped in Markdown.
    expect(runs.some((r) => r.includes(NAME)) || markdown.some((m) => m.includes(escapeMarkdown(NAME)))).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });

  it('escapes what Teams\' Markdown acts on (emphasis and links anywhere, a list or heading at the start), and keeps a name on one line', () => {
    expect(escapeMarkdown(NAME)).toBe('\\[Bevestig je Teams-account\\](https://evil.example/login) \\*\\*dringend\\*\\*');
    expect(escapeMarkdown('- x _y_ #z\n\n+ `w` \\ !')).toBe('\\- x \\_y\\_ #z + \\`w\\` \\\\ !');
    expect(escapeMarkdown('1. eerste')).toBe('1\\. eerste');
    expect(escapeMarkdown('# kop')).toBe('\\# kop');
    // A full stop or hyphen inside a name stays as it is (older mobile clients show a needless backslash).
    expect(escapeMarkdown('Zorg-Noord 2.')).toBe('Zorg-Noord 2.');
  });
});
