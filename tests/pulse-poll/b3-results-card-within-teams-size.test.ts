// Found in review, stop 55 (fixed then: HR's results card is built step by step until it fits, cutting team names, then comments, then fewer comments and teams, and says how many comments it leaves out: `pollResultsCard`, `FITS`).

/**
 * HR's B3 results card for an "alle teams" poll at its largest: more than 25 teams, each with the
 * longest name Teams allows (256 characters), and 40 open comments at the longest the card shows
 * (500 characters). A comment is free text from any respondent (1,000 characters allowed):
 * quotation marks and line breaks are kept, and each is two characters in the card's JSON. The
 * promise: nothing Teams would refuse is sent (the project's 80 KB, UTF-16), and what is cut is said.
 */
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { buildResults, tallyOfScores } from '../../src/domain/pulse-poll/results';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { MAX_OPEN_ANSWER, readOpenAnswer } from '../../src/domain/pulse-poll/answer';
import { createTranslator } from '../../src/i18n/i18n';
import { loadInstruments } from '../../src/pulse-poll/load-instruments';
import { pollResultsCard } from '../../src/teams/cards/pulse/pulse-results.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const instrument = loadInstruments().en;
const t = createTranslator().t('en');
const scores = (v: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(ITEM_IDS.map((id) => [id, v])) as Record<(typeof ITEM_IDS)[number], 1 | 2 | 3 | 4 | 5>;
const name256 = (i: number, max = 256) => `Team ${String(i).padStart(2, '0')} ${'Community care and district nursing, north-east region '.repeat(6)}`.slice(0, max);

function results(teamCount: number, nameLength = 256) {
  const targets = Array.from({ length: teamCount }, (_, i) => ({ id: `t${i}`, teamId: `team${i}`, teamName: name256(i, nameLength), channelId: 'c', serviceUrl: 'x', delivered: true, memberCount: 30 }));
  const poll = { id: 'p', targets, scope: { kind: 'all' }, opensAt: '2026-11-23' } as unknown as Poll;
  const teams = Object.fromEntries(targets.map((tg, i) => [tg.id, tallyOfScores(Array.from({ length: 12 }, (_, k) => scores((((k + i) % 5) + 1) as 1 | 2 | 3 | 4 | 5)))]));
  return buildResults({ poll, teams, minRespondents: 5 }, []);
}

function card(comment: string, nameLength = 256) {
  const r = results(30, nameLength);
  // 40 comments in all (what the card shows at most), 2 per team.
  return pollResultsCard({ pollId: 'p', instrument, language: 'en', closed: { by: 'date', label: 'Friday 4 December' }, results: r, heldBack: false, comments: r.teams.map((team) => ({ teamName: team.teamName, texts: [comment, comment] })) }, t);
}

const typed = () => readOpenAnswer('"Really?"\n'.repeat(100).slice(0, MAX_OPEN_ANSWER))!;

describe('B3 results card at its largest', () => {
  it('30 teams of 256-character names and 40 long English comments: a card Teams accepts', () => {
    const prose = 'The handover between shifts is rushed, and we rarely talk about what went well. '.repeat(20).slice(0, MAX_OPEN_ANSWER);
    expect(cardProblems(card(prose))).toEqual([]);
  });

  it('40 comments a respondent wrote full of quotation marks and line breaks (kept as typed): a card Teams accepts', () => {
    expect(typed().length).toBeGreaterThan(500); // accepted as a comment
    expect(cardProblems(card(typed()))).toEqual([]);
  });

  it('even with everyday team names (40 characters), 40 comments of quotation marks and line breaks: a card Teams accepts', () => {
    expect(cardProblems(card(typed(), 40))).toEqual([]);
  });

  it('whatever was typed (every character one JSON escapes at six), with trends, many teams and hidden ones: a card Teams accepts', () => {
    const r = results(60);
    const escaped = '\u0001'.repeat(MAX_OPEN_ANSWER);
    for (const team of [...r.teams, r.overall]) {
      if (team.figures) team.change = { aspects: { ...team.figures.aspects }, bs: { ...team.figures.bs } };
    }
    const comments = r.teams.map((team) => ({ teamName: team.teamName, texts: [escaped, escaped, escaped] }));
    const c = pollResultsCard({ pollId: 'p', instrument, language: 'en', closed: { by: 'hr', label: 'Friday 4 December' }, results: r, heldBack: true, comments }, t);
    expect(cardProblems(c)).toEqual([]);
    // What it leaves out, it says.
    expect(cardText(c)).toMatch(/And \d+ more teams/);
    expect(cardText(c)).toMatch(/And \d+ more comments this card has no room for/);
  });

  it('a card with room to spare is the full one: team names and comments whole, nothing said left out', () => {
    const r = results(3);
    const long = 'We want more time for training, and a colleague to learn from. '.repeat(8).slice(0, 500);
    const c = pollResultsCard({ pollId: 'p', instrument, language: 'en', closed: { by: 'date', label: 'Friday 4 December' }, results: r, heldBack: false, comments: r.teams.map((team) => ({ teamName: team.teamName, texts: [long] })) }, t);
    const text = cardText(c);
    for (const team of r.teams) expect(text).toContain(team.teamName);
    expect(text).toContain(`“${long}”`);
    expect(text).not.toMatch(/more comment/);
  });

  it('60 short comments: the card shows 40 and says that 20 more were left out (in Dutch too)', () => {
    const r = results(3, 20);
    const comments = r.teams.map((team, i) => ({ teamName: team.teamName, texts: Array.from({ length: 20 }, (_, k) => `COMMENT-${i}-${k} more time for training`) }));
    const view = { pollId: 'p', instrument, language: 'en' as const, closed: { by: 'date' as const, label: 'Friday 4 December' }, results: r, heldBack: false, comments };
    const text = cardText(pollResultsCard(view, t));
    expect(text.match(/COMMENT-\d+-\d+/g)).toHaveLength(40);
    // A line names the 20 comments not shown (as the HR report's "And 5 more proposals").
    expect(text.split('\n').some((line) => /\b20\b/.test(line) && /comment/i.test(line))).toBe(true);
    const nl = cardText(pollResultsCard({ ...view, instrument: loadInstruments().nl, language: 'nl' }, createTranslator().t('nl')));
    expect(nl).toContain('En nog 20 opmerkingen waarvoor deze kaart geen ruimte heeft');
  });
});
