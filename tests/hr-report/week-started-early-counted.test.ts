import { DateTime } from 'luxon';
import { computeReport, ReportInput, sessionsReadWindow } from '../../src/domain/hr-report/report';
import { jaarplanProgress } from '../../src/domain/hr-report/jaarplan';

const ZONE = 'Europe/Amsterdam';
const round = { closedAt: '2026-11-01T00:00:00Z', average: 3, answers: 4 };
type Session = ReportInput['sessions'][number];

/** A session held by 4 people for an hour from `startedAt`. */
function held(startedAt: string, cycle: Session['cycle']): Session {
  return { groupId: 'g1', startedAt, closedAt: new Date(Date.parse(startedAt) + 3600_000).toISOString(), status: 'closed', attendees: 4, energyIn: round, energyOut: round, cycle };
}

function report(sessions: Session[], from: string, to: string, asOf: string) {
  const r = computeReport({ period: { from, to }, asOf, timeZone: ZONE, sessionHours: 1, sessions, proposals: [], b3: [] });
  return { sessionsHeld: r.sessionsHeld, learningHours: r.learningHours, weeks: r.energy.map((w) => w.week) };
}

/**
 * Found in review (stop 66): a week started by hand before its planned dates keeps those dates
 * (start-cycle.ts), and the report dropped every session started more than 3 days before its
 * cycle's planned Monday: sessions held, closed and attended were in no figure and not in the
 * Jaarplan. They count in their cycle's planned week: they closed before it was over, so they are
 * in every reading after it and in none before, and the cycle is not split over two weeks.
 */
describe('a week started by hand before its planned dates', () => {
  const week1 = { id: 'g1_w1', firstDate: '2026-11-23', lastDate: '2026-11-26' };
  const week2 = { id: 'g1_w2', firstDate: '2026-11-30', lastDate: '2026-12-03' };
  const week1Held = ['23', '24', '25', '26'].map((d) => held(`2026-11-${d}T08:00:00Z`, week1));
  // Started from day 4's summary on Thursday 26 November, its day 1 held that afternoon; day 2 on the plan's Tuesday.
  const week2Held = [held('2026-11-26T13:00:00Z', week2), held('2026-12-01T08:00:00Z', week2)];
  const all = [...week1Held, ...week2Held];

  it('its day held early counts in the cycle\'s planned week, with the cycle\'s other days', () => {
    expect(report(all, '2026-11-01', '2026-12-31', '2026-12-14T12:00:00Z')).toEqual({ sessionsHeld: 6, learningHours: 24, weeks: ['2026-W48', '2026-W49'] });
    expect(report(all, '2026-11-30', '2026-12-06', '2026-12-14T12:00:00Z')).toEqual({ sessionsHeld: 2, learningHours: 8, weeks: ['2026-W49'] });
  });

  it('attack: no reading changes a week already read, and none isolates the early session', () => {
    // The week it was held in reads the same before and after; its planned week counts only once over, whole.
    const asOfs = ['2026-11-30T06:00:00Z', '2026-12-02T12:00:00Z', '2026-12-14T12:00:00Z'];
    expect(asOfs.map((asOf) => report(all, '2026-11-23', '2026-11-29', asOf).sessionsHeld)).toEqual([4, 4, 4]);
    expect(asOfs.map((asOf) => report(all, '2026-11-30', '2026-12-06', asOf).sessionsHeld)).toEqual([0, 0, 2]);
  });

  it('a week started days ahead, across a skipped week, counts whole; the Jaarplan realises its hours', () => {
    // Week 2 planned 16-19 November (the week of 9 November skipped), started on Wednesday 11 November.
    const later = { id: 'g1_w2', firstDate: '2026-11-16', lastDate: '2026-11-19' };
    const sessions = ['11', '12', '16', '17'].map((d) => held(`2026-11-${d}T08:00:00Z`, later));
    const asOf = '2026-12-07T12:00:00Z';
    expect(report(sessions, '2026-11-01', '2026-11-30', asOf)).toEqual({ sessionsHeld: 4, learningHours: 16, weeks: ['2026-W47'] });
    const jaarplan = jaarplanProgress({ year: 2026, targets: { weekCycles: 40, learningHours: 100 } }, { asOf, timeZone: ZONE, sessionHours: 1, sessions, proposals: [] });
    expect(jaarplan.indicators).toEqual([
      { indicator: 'weekCycles', realised: 1, target: 40 },
      { indicator: 'learningHours', realised: 16, target: 100 },
    ]);
  });

  it('a session started more than two weeks before its cycle\'s planned week is in no figure', () => {
    // Week 3 moved to January, started and its day 1 held on 10 December, day 2 on the plan's Monday:
    // counted in the week it was held, the cycle would be split over two weeks, and over two years
    // in the Jaarplan (found in review of this change, stop 66).
    const january = { id: 'g1_w3', firstDate: '2027-01-11', lastDate: '2027-01-14' };
    const sessions = [held('2026-12-10T08:00:00Z', january), held('2027-01-11T08:00:00Z', january)];
    const asOf = '2027-01-20T12:00:00Z';
    expect(report(sessions, '2026-12-01', '2026-12-31', asOf)).toEqual({ sessionsHeld: 0, learningHours: 0, weeks: [] });
    expect(report(sessions, '2027-01-01', '2027-01-31', asOf)).toEqual({ sessionsHeld: 1, learningHours: 4, weeks: ['2027-W02'] });
    const cycles = [2026, 2027].map((year) => jaarplanProgress({ year, targets: { weekCycles: 40, learningHours: 100 } }, { asOf, timeZone: ZONE, sessionHours: 1, sessions, proposals: [] }).indicators[0]!.realised);
    expect(cycles).toEqual([0, 1]);
  });

  it('guard: the report reads sessions back as far as the earliest one a period can count', () => {
    // A period beginning on the Thursday of a cycle's planned week; the cycle's earliest day that still counts in it.
    const cycle = { id: 'g1_w2', firstDate: '2026-11-30', lastDate: '2026-12-03' };
    const earliest = [14, 13].map((days) => DateTime.fromISO('2026-11-30', { zone: ZONE }).minus({ days }).toUTC().toISO()!);
    const asOf = '2026-12-14T12:00:00Z';
    const counted = earliest.map((startedAt) => report([held(startedAt, cycle)], '2026-12-03', '2026-12-31', asOf).sessionsHeld);
    expect(counted).toEqual([1, 1]);
    const window = sessionsReadWindow({ from: '2026-12-03', to: '2026-12-31' }, ZONE);
    expect(earliest.every((startedAt) => startedAt >= window.from && startedAt <= window.to)).toBe(true);
  });
});
