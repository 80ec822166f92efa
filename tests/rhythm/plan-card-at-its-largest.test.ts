/**
 * A guard (held when written, in review of stop 55, "every card at its largest"). The plan card (`planning`) with
 * the most weeks a group may plan (52), a year's skipped weeks, a 200-character group name with
 * multi-byte characters, and a refusal notice on top: a card Teams accepts.
 */
import { DateTime } from 'luxon';
import { createTranslator } from '../../src/i18n/i18n';
import { planCard } from '../../src/teams/cards/rhythm/plan.card';
import { cardProblems } from '../support/card-validator';

const monday = DateTime.fromISO('2026-01-05');
const weeks = Array.from({ length: 52 }, (_, i) => ({ week: i + 1, dates: [0, 1, 2, 3].map((d) => monday.plus({ weeks: i + Math.floor(i / 4), days: d }).toISODate()!) }));
const skipped = Array.from({ length: 13 }, (_, i) => monday.plus({ weeks: 4 * i + 4 }).toISODate()!);

describe('plan card at its largest', () => {
  it.each(['nl', 'en'] as const)('52 weeks, 13 skipped, long name: within limits (%s)', (language) => {
    const card = planCard({ groupId: 'g', groupName: 'Zorgteam "Noord" – wijkverpleging 👩‍⚕️ '.repeat(6).slice(0, 200), language, startTime: '09:00', plannedWeeks: 52, weeks, startedWeeks: 1, skipped, notice: 'x'.repeat(300) }, createTranslator().t(language));
    console.log('plan card:', Buffer.byteLength(JSON.stringify(card), 'utf16le'), 'bytes');
    expect(cardProblems(card)).toEqual([]);
  });
});
