/**
 * A week nobody marked complete ended, for "whose week is it", at 23:59:59 UTC of its last planned
 * day: an hour (in summer two) after midnight in Amsterdam. Someone who joined the group in that
 * hour got the week that had just ended as one of theirs, with 0 hours to keep for it. The week
 * now ends at midnight in the group's own time zone. Found in review, stop 39.
 */
import { Cycle } from '../../src/domain/week-cycle/cycle';
import { Group } from '../../src/domain/week-cycle/group';
import { GroupTrace } from '../../src/domain/week-cycle/ports';
import { weeksTakenPart } from '../../src/usecases/verantwoording/time-used';

const week: Cycle = {
  id: 'g1_w1',
  type: 'cycle',
  groupId: 'g1',
  weekNumber: 1,
  agenda: [],
  sessionDates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'],
  startedBy: 'aad-anna',
  startedAt: '2026-12-04T10:00:00.000Z',
};
const trace = (timeZone: string): GroupTrace => ({
  group: { id: 'g1', schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone } } as unknown as Group,
  cycles: [week],
  proposals: [],
  contributions: [],
  checkIns: [],
  presence: [],
  judgements: [],
  sessions: [],
});
const joined = (since: string) => ({ member: true, since });

describe("the weeks of a group that are a newcomer's", () => {
  it('a week whose last day ended in Amsterdam before they joined is not theirs', () => {
    // 00:30 on Friday 11 December in Amsterdam: Thursday, the week's last day, is over.
    expect(weeksTakenPart(joined('2026-12-10T23:30:00.000Z'), trace('Europe/Amsterdam'), 'aad-nina')).toEqual([]);
  });

  it('a week whose last day is still running where the group is stays theirs', () => {
    // 22:30 on Thursday in Amsterdam: the last session may still be held.
    expect(weeksTakenPart(joined('2026-12-10T21:30:00.000Z'), trace('Europe/Amsterdam'), 'aad-nina').map((c) => c.id)).toEqual(['g1_w1']);
    // A group in New York is still in its Thursday at 03:00 UTC on Friday.
    expect(weeksTakenPart(joined('2026-12-11T03:00:00.000Z'), trace('America/New_York'), 'aad-nina').map((c) => c.id)).toEqual(['g1_w1']);
  });
});
