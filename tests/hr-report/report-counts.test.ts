import { computeReport, ReportInput } from '../../src/domain/hr-report/report';

const closed = (groupId: string, startedAt: string, attendees: number): ReportInput['sessions'][number] => ({ groupId, startedAt, closedAt: new Date(Date.parse(startedAt) + 3600_000).toISOString(), status: 'closed', attendees, energyIn: {}, energyOut: {} });

/**
 * The rhythm opens and closes every planned session by itself, and opens a proposal record with
 * the session that works on it, whether anyone came or not. The board report counts what the
 * groups did: sessions someone attended, proposals the group made something of.
 */
describe('the HR report on a rhythm nobody attended', () => {
  const input: ReportInput = {
    period: { from: '2026-11-01', to: '2026-11-30' },
    asOf: '2026-12-07T12:00:00Z',
    timeZone: 'Europe/Amsterdam',
    sessionHours: 1,
    sessions: [
      closed('quiet', '2026-11-23T08:00:00Z', 0),
      closed('quiet', '2026-11-24T08:00:00Z', 0),
      closed('busy', '2026-11-23T08:00:00Z', 0),
      closed('busy', '2026-11-24T08:00:00Z', 3),
    ],
    proposals: [
      { groupId: 'quiet', createdAt: '2026-11-25T08:00:00Z', drafted: false, ownText: false },
      { groupId: 'busy', createdAt: '2026-11-25T08:00:00Z', drafted: false, ownText: true },
      { groupId: 'other', createdAt: '2026-11-25T08:00:00Z', drafted: true, ownText: false },
      { groupId: 'decided', createdAt: '2026-11-25T08:00:00Z', drafted: false, ownText: false, decision: { verdict: 'reject', at: '2026-11-26T08:00:00Z' } },
    ],
    b3: [],
  };

  it('counts a session as held, and its group as active, only when someone attended', () => {
    expect(computeReport(input)).toMatchObject({ groupsActive: 1, sessionsHeld: 1, learningHours: 3 });
  });

  // An AI draft alone is the AI's work, not the group's (found in review, stop 34).
  it('counts a proposal as made only with the group\'s own text or a decision, not an AI draft alone', () => {
    expect(computeReport(input)).toMatchObject({ proposalsMade: 2, proposalsValidated: 0, proposalsRejected: 1 });
  });
});

/**
 * ATTACK (HR differencing one session's attendance): a group of three, Monday all three, Tuesday
 * only Anna. A one-day report, or two periods subtracted, gave HR Tuesday's head count: 1, which
 * the two who stayed away know is Anna. Sessions count by whole weeks of a group, a week belonging
 * to the period that holds its Thursday, once the week is over, and only sessions at least 3 came to.
 */
describe('the HR report by whole weeks of a group', () => {
  const week = (attendees: number[]) => attendees.map((n, i) => closed('g', `2026-11-${23 + i}T08:00:00Z`, n));
  const report = (sessions: ReportInput['sessions'], from: string, to: string, asOf = '2026-12-07T12:00:00Z') => computeReport({ period: { from, to }, asOf, timeZone: 'Europe/Amsterdam', sessionHours: 1, sessions, proposals: [], b3: [] });
  const totals = (r: ReturnType<typeof computeReport>) => ({ groupsActive: r.groupsActive, sessionsHeld: r.sessionsHeld, learningHours: r.learningHours });
  const none = { groupsActive: 0, sessionsHeld: 0, learningHours: 0 };

  it('attack: no period, nor two subtracted, isolates one day of a week', () => {
    const sessions = week([3, 4]);
    const monday = totals(report(sessions, '2026-11-23', '2026-11-23'));
    const both = totals(report(sessions, '2026-11-23', '2026-11-24'));
    const tuesday = totals(report(sessions, '2026-11-24', '2026-11-24'));
    expect([monday, both, tuesday]).toEqual([none, none, none]);
    // The week as a whole, by its Thursday (26 November).
    expect(totals(report(sessions, '2026-11-26', '2026-11-26'))).toEqual({ groupsActive: 1, sessionsHeld: 2, learningHours: 7 });
    expect(totals(report(sessions, '2026-11-01', '2026-11-30'))).toEqual({ groupsActive: 1, sessionsHeld: 2, learningHours: 7 });
  });

  it('attack: a week only one or two came to counts in no figure', () => {
    expect(totals(report(week([2, 1, 2, 1]), '2026-11-01', '2026-11-30'))).toEqual(none);
  });

  it('attack: sessions one or two came to are in no figure, so sessions and hours leave no spread with a lone attendee (3/1/1/1 read as 4 sessions, 6 hours)', () => {
    expect(totals(report(week([3, 1, 1, 1]), '2026-11-01', '2026-11-30'))).toEqual({ groupsActive: 1, sessionsHeld: 1, learningHours: 3 });
  });

  it('attack: the same period asked on Wednesday and on Thursday evening does not give Thursday\'s head count', () => {
    const sessions = week([3, 3, 3, 4]);
    const wednesday = totals(report(sessions.slice(0, 3), '2026-11-01', '2026-11-30', '2026-11-25T18:00:00Z'));
    const thursday = totals(report(sessions, '2026-11-01', '2026-11-30', '2026-11-26T18:00:00Z'));
    expect([wednesday, thursday]).toEqual([none, none]);
    // Once the week is over it counts whole.
    expect(totals(report(sessions, '2026-11-01', '2026-11-30', '2026-11-30T00:00:00+01:00'))).toEqual({ groupsActive: 1, sessionsHeld: 4, learningHours: 13 });
  });

  it('attack: a cycle whose holiday moved its day 4 into the next week is over after that day, not before it', () => {
    // Planned Tuesday-Thursday and the next Monday (Monday 23 November a holiday, say).
    const cycle = { id: 'g_w1', firstDate: '2026-11-24', lastDate: '2026-11-30' };
    const sessions = [24, 25, 26].map((d) => ({ ...closed('g', `2026-11-${d}T08:00:00Z`, 3), cycle }));
    const day4 = { ...closed('g', '2026-11-30T08:00:00Z', 4), cycle };
    // Asked on Monday 30 November, before and after day 4: the same (nothing), so no head count of day 4.
    expect(totals(report(sessions, '2026-11-01', '2026-11-30', '2026-11-30T06:00:00Z'))).toEqual(none);
    expect(totals(report([...sessions, day4], '2026-11-01', '2026-11-30', '2026-11-30T18:00:00Z'))).toEqual(none);
    expect(totals(report([...sessions, day4], '2026-11-01', '2026-11-30', '2026-12-01T00:00:00+01:00'))).toEqual({ groupsActive: 1, sessionsHeld: 4, learningHours: 13 });
  });

  it('guard: a session started by hand a few days before its cycle\'s week counts with that week; one started after the week was over in none', () => {
    const cycle = { id: 'g_w1', firstDate: '2026-11-23', lastDate: '2026-11-26' };
    const sessions = [
      { ...closed('g', '2026-11-20T08:00:00Z', 3), cycle },
      { ...closed('g', '2026-11-24T08:00:00Z', 3), cycle },
      { ...closed('g', '2026-12-01T08:00:00Z', 5), cycle },
    ];
    expect(totals(report(sessions, '2026-11-01', '2026-12-31'))).toEqual({ groupsActive: 1, sessionsHeld: 2, learningHours: 6 });
    expect(report(sessions, '2026-11-01', '2026-12-31').energy.map((w) => w.week)).toEqual(['2026-W48']);
  });

  it('guard: a week across the turn of a month belongs to the month of its Thursday', () => {
    const sessions = [closed('g', '2026-11-30T08:00:00Z', 3), closed('g', '2026-12-01T08:00:00Z', 3)];
    expect(totals(report(sessions, '2026-11-01', '2026-11-30')).sessionsHeld).toBe(0);
    expect(totals(report(sessions, '2026-12-01', '2026-12-31')).sessionsHeld).toBe(2);
  });
});
