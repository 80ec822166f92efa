/**
 * Found in review, stop 55 (fixed then: the report card is built through `firstCardThatFits`,
 * fewer teams and proposals and shorter texts and names until it fits, and it says so).
 *
 * HR's report card (`rapport`) at its largest: each section at the most it shows (20 teams x 3
 * polls of the B3 mirror, 15 adopted proposals of 15 groups, each shared with L&O and answered, 10
 * facilitation texts, 20 learning-need texts, 12 weeks of energy), with team and group names of
 * 256 characters and typed texts longer than the card shows. Each section cut by count and length,
 * but nothing measured the whole card: 109-140 KB (UTF-16), and Teams refuses a message past about
 * 100 KB, so HR got no report. The promise: nothing Teams would refuse is sent (80 KB, UTF-16);
 * what is cut is said, counted from what the card shows; two teams never read as one.
 */
import { DateTime } from 'luxon';
import { HrReport } from '../../src/domain/hr-report/report';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';
import { createTranslator } from '../../src/i18n/i18n';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-size';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const long = (tag: string, n: number, unit = 'We want more time to practise difficult conversations with families. ') => `${tag} ${unit.repeat(Math.ceil(n / unit.length))}`.slice(0, n);
const weeks = (n: number) => Array.from({ length: n }, (_, i) => DateTime.fromISO('2026-05-25').plus({ weeks: i }).toFormat("kkkk-'W'WW"));
const poll = (i: number) => ({ closedOn: DateTime.fromISO('2026-06-01').plus({ weeks: i }).toISODate()!, respondents: 12, scores: { boeien: 70, binden: 60, behouden: 80 } });
const TEAMS = 22;
const ADOPTED = 16;

/** `teamName(i)` and `groupName(g)` override the long names built from `nameLength`. */
function report(unit?: string, nameLength = { team: 256, group: 200 }, names: { team?: (i: number) => string; group?: (g: number) => string } = {}): HrReport {
  const proposals = (g: number) => [{
    verdict: 'adapt' as const,
    text: long(`PROPOSAL-${g}`, 4000, unit),
    aiAdapted: true as const,
    decidedOn: '2026-11-02',
    outcome: { status: 'done' as const },
    lo: { sharedOn: '2026-11-03', answer: { text: long(`ANSWER-${g}`, MAX_LO_ANSWER_LENGTH, unit), on: '2026-11-20' } },
  }];
  return {
    period: { from: '2026-05-24', to: '2026-11-23' },
    groupsActive: 15, sessionsHeld: 300, learningHours: 900, proposalsMade: 30, proposalsValidated: 20, proposalsRejected: 2,
    energy: weeks(26).map((week) => ({ week, answers: 24, averageIn: 3.5, averageOut: 4 })),
    b3: Array.from({ length: TEAMS }, (_, i) => ({ team: names.team?.(i) ?? long(`Team ${String(i).padStart(2, '0')}`, nameLength.team, 'Community care and district nursing, north-east region '), polls: Array.from({ length: 4 }, (_, j) => poll(j)) })),
    facilitation: { conversationsPlanned: 120, withAccount: 80, shared: Array.from({ length: 12 }, (_, i) => long(`ACCOUNT-${i}`, 2000, unit)) },
    adoption: { adopted: ADOPTED, lookedBack: 15, taken: 15, takenShare: 100, groups: Array.from({ length: ADOPTED }, (_, g) => ({ groupName: names.group?.(g) ?? long(`Group ${g}`, nameLength.group, 'Learning group of the district nursing teams, north-east '), proposals: proposals(g) })) },
    learningNeeds: { minimum: 5, batches: 20, total: 30, counted: 30, restsLeftOut: 0, themesHidden: false, themes: [{ theme: 'coachen', needs: 30, texts: Array.from({ length: 25 }, (_, i) => long(`NEED-${i}`, 1000, unit)) }] },
  } as HrReport;
}

const lines = (card: object) => cardText((card as { body: unknown }).body).split('\n');
/** The B3 facts' team labels, each once (a fact title is "<label> (<date>)"). */
const b3Labels = (card: object) => {
  const facts = JSON.stringify(card).match(/"title":"((?:[^"\\]|\\.)*) \(\d+ [^"]+ 2026\)"/g) ?? [];
  return [...new Set(facts.map((f) => (JSON.parse(`{${f}}`) as { title: string }).title.replace(/ \([^(]*\)$/, '')))];
};

describe('HR report card at its largest', () => {
  it.each(['nl', 'en'] as const)('every section at its most, in plain prose, long names: a card Teams accepts (%s)', (language) => {
    const card = hrReportCard(report(), links, createTranslator().t(language), language);
    expect(cardProblems(card)).toEqual([]);
  });

  it('texts written with quotation marks and line breaks (each two characters in the JSON): a card Teams accepts', () => {
    const card = hrReportCard(report('"Yes" "no"\n'), links, createTranslator().t('nl'), 'nl');
    expect(cardProblems(card)).toEqual([]);
  });

  it('everyday names (40 characters), texts with quotation marks and line breaks: a card Teams accepts', () => {
    const card = hrReportCard(report('"Yes" "no"\n', { team: 40, group: 40 }), links, createTranslator().t('nl'), 'nl');
    expect(cardProblems(card)).toEqual([]);
  });

  it('every text and name made of quotation marks, names alike but for their end (kept whole): still within the budget', () => {
    const quotes = (n: number, end: string) => `${'"'.repeat(n - end.length)}${end}`;
    const r = report('"', undefined, { team: (i) => quotes(256, ` #${String(i).padStart(4, '0')}`), group: (g) => quotes(200, String(g)) });
    const card = hrReportCard(r, links, createTranslator().t('en'), 'en');
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('the shortened card says so, and each "and N more" counts from what it shows (%s)', (language) => {
    const t = createTranslator().t(language);
    const card = hrReportCard(report('"Yes" "no"\n'), links, t, language);
    const text = lines(card);
    expect(text).toContain(t('hrReport.fitted'));
    const teams = b3Labels(card).length;
    expect(teams).toBeGreaterThan(0);
    expect(teams).toBeLessThan(20); // fewer teams than the normal card shows
    expect(text).toContain(t('hrReport.b3MoreTeams', { count: TEAMS - teams, polls: t('hrReport.b3Polls', { count: (TEAMS - teams) * 4 }) }));
    expect(text).toContain(t('hrReport.b3EarlierPolls', { count: teams }));
    const proposals = text.filter((line) => /^PROPOSAL-\d+ /.test(line)).length;
    expect(proposals).toBeGreaterThan(0);
    expect(proposals).toBeLessThan(15);
    expect(text).toContain(t('hrReport.adoption.more', { count: ADOPTED - proposals }));
    // Names cut, as the line says.
    expect(b3Labels(card).every((label) => label.length < 256 && label.endsWith('…'))).toBe(true);
  });

  it('two teams of one long name (told apart by their mark at the end) keep their whole names when names are cut', () => {
    const name = long('Zorgteam', 200, 'Community care and district nursing, north-east region ');
    const r = report('"Yes" "no"\n', undefined, { team: (i) => (i < 2 ? `${name} #${['3f9a', 'b71c'][i]}` : long(`Team ${String(i).padStart(2, '0')}`, 256, 'Community care ')) });
    const card = hrReportCard(r, links, createTranslator().t('nl'), 'nl');
    expect(lines(card)).toContain(createTranslator().t('nl')('hrReport.fitted'));
    expect(b3Labels(card)).toEqual(expect.arrayContaining([`${name} #3f9a`, `${name} #b71c`]));
    expect(cardProblems(card)).toEqual([]);
  });

  it('a report that fits as it is: the normal card, nothing said about fitting', () => {
    const r = report(undefined, { team: 20, group: 20 });
    const small: HrReport = { ...r, b3: r.b3.slice(0, 3), adoption: { ...r.adoption, adopted: 2, groups: r.adoption.groups.slice(0, 2) }, facilitation: { ...r.facilitation!, shared: r.facilitation!.shared.slice(0, 2) } };
    const t = createTranslator().t('nl');
    const text = lines(hrReportCard(small, links, t, 'nl'));
    expect(text).not.toContain(t('hrReport.fitted'));
    expect(text.filter((line) => /^PROPOSAL-\d+ /.test(line)).every((line) => line.length === 300)).toBe(true);
  });
});
