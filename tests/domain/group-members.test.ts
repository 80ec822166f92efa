import { defaultSchedule, Group, membersMissingFrom, withoutAccounts } from '../../src/domain/week-cycle/group';

const group: Group = {
  id: 'g', conversationId: '19:c@thread.v2', conversationKind: 'groupChat', name: 'Groep',
  members: [
    { id: 'aad-anna', name: 'Anna', teamsId: '29:anna' },
    { id: 'aad-bram', name: 'Bram', teamsId: '29:bram' },
    // Stored without an Entra id: the Teams id is the member's id.
    { id: '29:cem', name: 'Cem' },
  ],
  schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 0, createdBy: 'aad-anna', createdAt: '2026-11-01T08:00:00Z',
};
const ids = (g: Group) => g.members.map((m) => m.id);

describe('members who left the chat', () => {
  it('leave by Entra id, by Teams id, or by the Teams id a member was stored under', () => {
    expect(ids(withoutAccounts(group, [{ teamsId: '29:other', aadObjectId: 'aad-anna' }]))).toEqual(['aad-bram', '29:cem']);
    expect(ids(withoutAccounts(group, [{ teamsId: '29:bram' }]))).toEqual(['aad-anna', '29:cem']);
    expect(ids(withoutAccounts(group, [{ teamsId: '29:cem', aadObjectId: 'aad-cem' }]))).toEqual(['aad-anna', 'aad-bram']);
  });

  it('give the same group back when none of them is a member, so a redelivery writes nothing', () => {
    expect(withoutAccounts(group, [])).toBe(group);
    expect(withoutAccounts(group, [{ teamsId: '29:olaf', aadObjectId: 'aad-olaf' }])).toBe(group);
  });

  it('may leave a group below its setup minimum', () => {
    expect(withoutAccounts(group, [{ teamsId: '29:anna' }, { teamsId: '29:bram' }, { teamsId: '29:cem' }]).members).toEqual([]);
  });

  it('are the members a complete roster no longer names', () => {
    expect(membersMissingFrom(group, [{ teamsId: '29:anna', aadObjectId: 'aad-anna' }, { teamsId: '29:cem' }]).map((m) => m.id)).toEqual(['aad-bram']);
  });
});
