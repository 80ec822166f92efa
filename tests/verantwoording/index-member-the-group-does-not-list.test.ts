/**
 * A join writes the member's index first and the group second (so a failed index write leaves no
 * member without one: tests/live-session/join-index-written-before-group.test.ts). When the group
 * write then fails or is refused (the last place taken meanwhile), the index names Eva a member of
 * a group that does not list her. Her verantwoording counted the group's weeks as hers from the
 * index alone: weeks with 0 sessions she could keep hours for. The group decides, as everywhere
 * else. Found in review, stop 43.
 */
import { Cycle } from '../../src/domain/week-cycle/cycle';
import { Group } from '../../src/domain/week-cycle/group';
import { GroupTrace } from '../../src/domain/week-cycle/ports';
import { weeksTakenPart } from '../../src/usecases/verantwoording/time-used';

const week: Cycle = {
  id: 'g1_w2',
  type: 'cycle',
  groupId: 'g1',
  weekNumber: 2,
  agenda: [],
  sessionDates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'],
  startedBy: 'aad-anna',
  startedAt: '2026-12-04T10:00:00.000Z',
};
const trace = (memberIds: string[]): GroupTrace => ({
  group: { id: 'g1', members: memberIds.map((id) => ({ id, name: id })), schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' } } as unknown as Group,
  cycles: [week],
  proposals: [],
  contributions: [],
  checkIns: [],
  presence: [],
  judgements: [],
  sessions: [],
});
const indexSays = { member: true, since: '2026-12-05T09:00:00.000Z' };

describe('a group the index names but that does not list the person', () => {
  it('gives them none of its weeks', () => {
    expect(weeksTakenPart(indexSays, trace(['aad-anna', 'aad-bram', 'aad-cem']), 'aad-eva')).toEqual([]);
  });

  it('a member the group lists keeps the weeks since they joined', () => {
    expect(weeksTakenPart(indexSays, trace(['aad-anna', 'aad-eva']), 'aad-eva').map((c) => c.id)).toEqual(['g1_w2']);
  });
});
