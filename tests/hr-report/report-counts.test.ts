import { computeReport, ReportInput } from '../../src/domain/hr-report/report';

const closed = (groupId: string, startedAt: string, attendees: number): ReportInput['sessions'][number] => ({ groupId, startedAt, status: 'closed', attendees, energyIn: {}, energyOut: {} });

/**
 * The rhythm opens and closes every planned session by itself, and opens a proposal record with
 * the session that works on it, whether anyone came or not. The board report counts what the
 * groups did: sessions someone attended, proposals the group made something of.
 */
describe('the HR report on a rhythm nobody attended', () => {
  const input: ReportInput = {
    period: { from: '2026-11-01', to: '2026-11-30' },
    timeZone: 'Europe/Amsterdam',
    sessionHours: 1,
    sessions: [
      closed('quiet', '2026-11-23T08:00:00Z', 0),
      closed('quiet', '2026-11-24T08:00:00Z', 0),
      closed('busy', '2026-11-23T08:00:00Z', 0),
      closed('busy', '2026-11-24T08:00:00Z', 1),
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
    expect(computeReport(input)).toMatchObject({ groupsActive: 1, sessionsHeld: 1, learningHours: 1 });
  });

  it('counts a proposal as made only with a draft, the group\'s own text or a decision', () => {
    expect(computeReport(input)).toMatchObject({ proposalsMade: 3, proposalsValidated: 0, proposalsRejected: 1 });
  });
});
