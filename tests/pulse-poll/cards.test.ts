import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { buildResults, tallyOfScores } from '../../src/domain/pulse-poll/results';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { createTranslator } from '../../src/i18n/i18n';
import { loadInstruments } from '../../src/pulse-poll/load-instruments';
import { pollAnnouncementCard } from '../../src/teams/cards/pulse/pulse-announcement.card';
import { pollAnsweredCard } from '../../src/teams/cards/pulse/pulse-answered.card';
import { pollClosedCard } from '../../src/teams/cards/pulse/pulse-closed.card';
import { errorCard } from '../../src/teams/cards/error.card';
import { pollFormCard } from '../../src/teams/cards/pulse/pulse-form.card';
import { pollHelpCard } from '../../src/teams/cards/pulse/pulse-help.card';
import { pollNotInvitedCard } from '../../src/teams/cards/pulse/pulse-not-invited.card';
import { pollNudgeCard } from '../../src/teams/cards/pulse/pulse-nudge.card';
import { pollReminderCard } from '../../src/teams/cards/pulse/pulse-reminder.card';
import { pollRestrictedCard } from '../../src/teams/cards/pulse/pulse-restricted.card';
import { pollResultsCard } from '../../src/teams/cards/pulse/pulse-results.card';
import { teamResultsCard } from '../../src/teams/cards/pulse/pulse-team-results.card';
import { pollProgressCard } from '../../src/teams/cards/pulse/pulse-progress.card';
import { pollStatusCard } from '../../src/teams/cards/pulse/pulse-status.card';
import { PollStatus } from '../../src/usecases/pulse-poll/poll-status';
import { pollStartedCard } from '../../src/teams/cards/pulse/pulse-started.card';
import { POLL_ERROR_CODES } from '../../src/domain/shared/errors';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const instruments = loadInstruments();
const translator = createTranslator();
const scores = (v: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(ITEM_IDS.map((id) => [id, v])) as Record<(typeof ITEM_IDS)[number], 1 | 2 | 3 | 4 | 5>;

/** A big "alle teams" poll: 40 teams, many comments, to check the size limit. */
function bigResults() {
  const targets = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, teamId: `team${i}`, teamName: `Zorgteam nummer ${i} met een lange naam`, channelId: 'c', serviceUrl: 'x', delivered: true, memberCount: 30 }));
  const poll = { id: 'p', targets, scope: { kind: 'all' }, opensAt: '2026-11-23' } as unknown as Poll;
  const answers = targets.flatMap((t, i) => Array.from({ length: i % 3 === 0 ? 3 : 12 }, (_, k) => ({ targetId: t.id, scores: scores((((k + i) % 5) + 1) as 1 | 2 | 3 | 4 | 5) })));
  const teams = Object.fromEntries(targets.map((t) => [t.id, tallyOfScores(answers.filter((a) => a.targetId === t.id).map((a) => a.scores))]));
  return buildResults({ poll, teams, minRespondents: 5 }, []);
}

describe.each(['nl', 'en'] as const)('every poll card in %s', (lang) => {
  const t = translator.t(lang);
  const instrument = instruments[lang];
  const ids = Array.from({ length: 80 }, (_, i) => `29:${'x'.repeat(80)}${i}`);
  const results = bigResults();
  const progress: PollStatus = {
    poll: { id: 'p' } as Poll,
    open: true,
    daysLeft: 1,
    teams: results.teams.map((r, i) => ({ teamName: r.teamName, respondents: r.respondents, memberCount: i % 2 ? r.memberCount : undefined, delivered: i !== 3 })),
    respondents: results.overall.respondents,
    memberCount: results.overall.memberCount,
    messages: { sent: 60, pending: 2, undeliverable: 1, failed: 1, unconfirmed: 1 },
  };
  const cards: [string, object][] = [
    ['form', pollFormCard({ pollId: 'p', targetId: 't', teamName: 'Zorgteam Noord', closesLabel: 'vrijdag 4 december', instrument, refreshUserIds: ids, manualRefresh: true }, t)],
    ['answered', pollAnsweredCard({ pollId: 'p', targetId: 't', title: instrument.title, closesLabel: 'x', state: 'stored', commentLost: true, refreshUserIds: ['29:a'] }, t)],
    ['not invited', pollNotInvitedCard({ pollId: 'p', targetId: 't', title: instrument.title, teamName: '**Zorgteam** Noord', refused: true, refreshUserIds: ['29:a'] }, t)],
    ['closed', pollClosedCard({ title: instrument.title, closed: { by: 'hr', label: 'x' }, late: true }, t)],
    ['announcement', pollAnnouncementCard({ teamName: 'Zorgteam Noord', closesLabel: 'x', anonymity: instrument.anonymity }, t)],
    ['reminder', pollReminderCard({ respondents: 3, memberCount: 9, daysLeft: 2 }, t)],
    ['nudge', pollNudgeCard({ teamName: 'Zorgteam Noord', channelName: 'Vitale Weekcyclus', daysLeft: 2, private: false }, t)],
    ['started', pollStartedCard({ teams: ['a', 'b'], closesLabel: 'x', delivery: 'private', reminders: ['y'], privateNudges: true, generalInstead: ['b'], language: 'nl', languageGiven: false }, t)],
    ['restricted results', pollRestrictedCard({ pollId: 'p', closedLabel: 'x', refreshUserIds: ['29:a'] }, t)],
    ['results', pollResultsCard({ pollId: 'p', instrument, language: lang, closed: { by: 'date', label: 'x' }, results, heldBack: true, comments: results.teams.filter((r) => r.figures).map((r) => ({ teamName: r.teamName, texts: Array.from({ length: 5 }, () => 'y'.repeat(900)) })) }, t)],
    ['team results', teamResultsCard({ instrument, language: lang, closed: { by: 'hr', label: 'x' }, team: results.teams[1]!, minRespondents: 5 }, t)],
    ['team results, too few', teamResultsCard({ instrument, language: lang, closed: { by: 'date', label: 'x' }, team: results.teams[0]!, minRespondents: 5 }, t)],
    ['progress', pollProgressCard({ progress, closesLabel: 'x' }, t)],
    ['status', pollStatusCard({ status: progress, closesLabel: 'x' }, t)],
    ['help', pollHelpCard(t, { kind: 'unknownWords', words: '**vet** [link](https://example.invalid)' })],
    ...POLL_ERROR_CODES.map((code): [string, object] => [`error ${code}`, errorCard({ code, params: { team: 'X', teams: 'A, B', channel: 'C', channels: 'D', date: '2026-01-01', maxDays: '60' } }, t)]),
  ];

  it.each(cards)('%s passes the schema and the size limit', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('offers a refresh button when Teams would not refresh every member, and lists at most 60', () => {
    const form = cards[0]![1] as { refresh: { userIds: string[] } };
    expect(form.refresh.userIds).toHaveLength(60);
    expect(cardText(form)).toContain(lang === 'nl' ? 'Vernieuwen' : 'Refresh');
    const small = pollFormCard({ pollId: 'p', targetId: 't', teamName: 'x', closesLabel: 'x', instrument, refreshUserIds: ['29:a'], manualRefresh: false }, t);
    expect(JSON.stringify(small)).not.toContain('"pulse.view","data":{"pollId":"p","targetId":"t"},"associatedInputs":"none"');
  });

  it('says plainly that answers are anonymous, and asks every statement on a 1-5 scale', () => {
    const form = cards[0]![1];
    expect(cardText(form)).toContain(instrument.anonymity);
    const inputs = JSON.stringify(form).match(/"id":"item_[a-z]+"/g);
    expect(inputs).toHaveLength(9);
  });

  it('draws the chart with a text fallback and lists the same numbers', () => {
    const card = cards.find(([n]) => n === 'team results')![1] as { body: { type: string; data?: { x: string; y: number }[]; fallback?: { type: string } }[] };
    const chart = card.body.find((e) => e.type === 'Chart.HorizontalBar')!;
    expect(chart.data).toHaveLength(9);
    expect(chart.fallback?.type).toBe('TextBlock');
    for (const point of chart.data!) expect(cardText(card)).toContain(`${point.x}\n${point.y}`);
  });

  it('shows the names a user typed as plain text, never as Markdown', () => {
    const help = cards.find(([n]) => n === 'help')![1];
    expect(JSON.stringify(help)).toContain('"type":"TextRun","text":"');
  });
});
