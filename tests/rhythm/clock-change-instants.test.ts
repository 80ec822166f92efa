import { DateTime } from 'luxon';
import { firstPlannableDay, sessionInstant, sessionInstants } from '../../src/domain/week-cycle/rhythm';

/**
 * A guard (held when written, in review of stop 55's own rhythm change): sessionInstants/sessionInstant
 * across clock changes. Guards: on every ordinary day (the start time occurs once) the moment is
 * what it was before the change (luxon's local time in the zone), whatever `after` says; the
 * night the clocks go back gives two moments an hour apart, the first by default; a time in the
 * gap gives the one moment after it. Zones with a 30-minute change and a change at midnight too.
 */
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];
const TIMES = ['00:15', '02:30', '09:00', '23:45'];

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'utc' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) out.push(d.toISODate()!);
  return out;
}

describe('session moments across clock changes', () => {
  it('an ordinary day keeps its moment (before the change: the local time in the zone), with or without `after`', () => {
    const changed: string[] = [];
    for (const zone of ZONES)
      for (const date of days('2026-01-01', '2026-12-31'))
        for (const time of TIMES) {
          const [hour, minute] = time.split(':').map(Number) as [number, number];
          const old = DateTime.fromISO(date, { zone }).set({ hour, minute }).toJSDate();
          const all = sessionInstants(date, time, zone);
          if (all.length !== 1) continue;
          const now = sessionInstant(date, time, zone);
          const after = sessionInstant(date, time, zone, new Date(old.getTime() - 60_000));
          const afterPast = sessionInstant(date, time, zone, new Date(old.getTime() + 60_000));
          if ([now, after, afterPast].some((d) => d.getTime() !== old.getTime())) changed.push(`${zone} ${date} ${time}`);
        }
    expect(changed).toEqual([]);
  });

  it('the night the clocks go back: two moments an hour apart, the first by default, the second for `after` between', () => {
    const both = sessionInstants('2026-10-25', '02:30', 'Europe/Amsterdam').map((d) => d.toISOString());
    expect(both).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(sessionInstant('2026-10-25', '02:30', 'Europe/Amsterdam').toISOString()).toBe(both[0]);
    expect(sessionInstant('2026-10-25', '02:30', 'Europe/Amsterdam', new Date('2026-10-25T01:00:00Z')).toISOString()).toBe(both[1]);
    // After both: the first (the day's planning does not move to a third).
    expect(sessionInstant('2026-10-25', '02:30', 'Europe/Amsterdam', new Date('2026-10-25T03:00:00Z')).toISOString()).toBe(both[0]);
    expect(firstPlannableDay('2026-10-25', new Date('2026-10-25T01:00:00Z'), '02:30', 'Europe/Amsterdam')).toBe('2026-10-25');
    expect(firstPlannableDay('2026-10-25', new Date('2026-10-25T01:31:00Z'), '02:30', 'Europe/Amsterdam')).toBe('2026-10-26');
  });

  it('a time in the gap the clocks skip: one moment, as far after the gap as the time was into it', () => {
    expect(sessionInstants('2027-03-28', '02:30', 'Europe/Amsterdam').map((d) => d.toISOString())).toEqual(['2027-03-28T01:30:00.000Z']);
  });
});
