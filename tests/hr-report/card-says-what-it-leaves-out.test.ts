/**
 * Found in review, stop 41. The report's default period is six months (26 weeks), but its card
 * listed the energy of the last 12 weeks only and said nothing of the weeks it left out: a board
 * reader saw a half-year report whose energy trend silently started in September. The B3 list was
 * cut the same way (the first 20 teams, the last 3 polls of each). The card keeps within Teams'
 * size limits by the same cuts, and now says what it leaves out and that the downloads hold it, as
 * the adoption section does ("En nog N voorstellen: zie de downloads"); nothing cut, nothing said.
 */
import { DateTime } from 'luxon';
import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const weeks = (n: number) => Array.from({ length: n }, (_, i) => DateTime.fromISO('2026-05-25').plus({ weeks: i }).toFormat("kkkk-'W'WW"));
const poll = (i: number) => ({ closedOn: DateTime.fromISO('2026-06-01').plus({ weeks: i }).toISODate()!, respondents: 5, scores: { boeien: 70, binden: 60, behouden: 80 } });
/** `teams` teams named Team 01 ..., the first two with five polls each, the others with one. */
const b3 = (teams: number) => Array.from({ length: teams }, (_, i) => ({ team: `Team ${String(i + 1).padStart(2, '0')} ${'x'.repeat(60)}`, polls: Array.from({ length: i < 2 ? 5 : 1 }, (_, j) => poll(j)) }));

function report(energyWeeks: number, teams: number): HrReport {
  return {
    period: { from: '2026-05-24', to: '2026-11-23' },
    groupsActive: 2, sessionsHeld: 80, learningHours: 300, proposalsMade: 10, proposalsValidated: 8, proposalsRejected: 1,
    energy: weeks(energyWeeks).map((week) => ({ week, answers: 24, averageIn: 3.5, averageOut: 4 })),
    b3: b3(teams),
    adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  };
}

const lines = (card: object) => cardText((card as { body: unknown }).body).split('\n');

describe('what the HR report card leaves out, and where it is', () => {
  it('says how many earlier weeks of energy are in the downloads, from which week (Dutch and English)', () => {
    const nl = hrReportCard(report(26, 1), links, createTranslator().t('nl'), 'nl');
    expect(lines(nl)).toContain('week 36 van 2026'); // the first of the 12 shown
    expect(lines(nl)).toContain('week 47 van 2026');
    expect(lines(nl)).not.toContain('week 35 van 2026');
    expect(lines(nl)).toContain('En nog 14 eerdere weken, vanaf week 22 van 2026: zie de downloads.');
    const en = hrReportCard(report(13, 1), links, createTranslator().t('en'), 'en');
    expect(lines(en)).toContain('And 1 earlier week, from week 22, 2026: see the downloads.');
  });

  it('says how many earlier polls and other teams of the B3 mirror are in the downloads', () => {
    const card = hrReportCard(report(26, 23), links, createTranslator().t('nl'), 'nl');
    // Teams 01 and 02 show their last 3 polls of 5; teams 21-23 (one poll each) are not shown.
    expect(lines(card).filter((l) => /downloads\.$/.test(l))).toEqual([
      'En nog 14 eerdere weken, vanaf week 22 van 2026: zie de downloads.',
      'En nog 4 eerdere peilingen van deze teams: zie de downloads.',
      'En nog 3 teams, met 3 peilingen: zie de downloads.',
    ]);
    expect(lines(card).some((l) => l.startsWith('Team 21'))).toBe(false);
    expect(cardProblems(card)).toEqual([]);
  });

  it('says nothing of the kind when nothing is left out', () => {
    const whole = { ...report(12, 20), b3: b3(20).map((team) => ({ ...team, polls: team.polls.slice(0, 3) })) };
    const card = hrReportCard(whole, links, createTranslator().t('nl'), 'nl');
    expect(lines(card).filter((l) => /zie de downloads/.test(l))).toEqual([]);
    expect(lines(card)).toContain('week 22 van 2026');
  });
});
