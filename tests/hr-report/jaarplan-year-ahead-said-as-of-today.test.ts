/**
 * Found in review, stop 45. On 23 November 2026 HR asks `rapport` for a period ending in January
 * 2027. The report shows the Jaarplan of the year the period ends in, 2027, which has not begun:
 * it said "gerealiseerd tot en met 1 januari 2027", a day still ahead. It must say that nothing is
 * realised yet, as of today, never naming a future day as counted.
 */
import { jaarplanProgress } from '../../src/domain/hr-report/jaarplan';
import { createTranslator } from '../../src/i18n/i18n';
import { jaarplanLines } from '../../src/teams/cards/hr-report/jaarplan.section';

const input = { sessions: [], proposals: [], asOf: '2026-11-23T09:00:00.000Z', timeZone: 'Europe/Amsterdam', sessionHours: 2 };

describe('the Jaarplan of a year still ahead in the report', () => {
  it('counts up to today, and says the year has not begun', () => {
    const section = jaarplanProgress({ year: 2027, targets: { weekCycles: 40 } }, input);
    expect(section).toMatchObject({ year: 2027, through: '2026-11-23', notStarted: true, indicators: [{ indicator: 'weekCycles', realised: 0, target: 40 }] });
    const nl = jaarplanLines(section, createTranslator().t('nl'), 'nl');
    expect(nl.title).toBe('Jaarplan Duurzaam leren 2027: het jaar is nog niet begonnen, dus er is nog niets gerealiseerd (stand 23 nov 2026)');
    const en = jaarplanLines(section, createTranslator().t('en'), 'en');
    expect(en.title).toContain('the year has not begun');
    expect(en.title).not.toContain('Jan 2027');
  });

  it('counts this year up to today, as before', () => {
    const section = jaarplanProgress({ year: 2026, targets: { weekCycles: 40 } }, input);
    expect(section.through).toBe('2026-11-23');
    expect(section.notStarted).toBeUndefined();
  });
});
