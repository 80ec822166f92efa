/**
 * Found in review, stop 64 (older; fixed then: a take-back that finds the record confirmed answers "sent").
 * A press delivered again whose form names nobody in the team now (sentByEarlierTry) finds its
 * record `afterItsCards` and takes it back (earlierTry → 'takeBack'). Between its read and its
 * take-back another delivery of the same press, which still saw the team, queued a card anew and
 * confirmed the record (onceQueued → 'confirm'), answering "verstuurd". The take-back finds it
 * `confirmed` (it stays, listed as sent); this delivery still answers `goneSince` ("sent and kept
 * nothing") while the record stays in her list, confirmed. The main path maps the same finding to
 * "verstuurd" (afterHeldCardsTakenBack('confirmed') → confirm/sayVerstuurd); earlierTry's does not.
 */
import { accountToTeam } from '../../src/usecases/talent-review/account-to-team';
import { TeamAccountRecord } from '../../src/domain/talent-review/team-account';

const MIA = 'aad-mia';

it('a take-back that finds the record confirmed meanwhile does not answer "gone"', async () => {
  const record: TeamAccountRecord = { id: 'tar-x', type: 'teamAccount', userId: MIA, text: 'Wat ik deed.', sentAt: '2026-12-07T10:00:00.000Z', language: 'nl', recipientCount: 1, toOwnManager: false, keptAfterCards: true };
  const calls: string[] = [];
  const teamAccounts = {
    find: async () => (calls.push('find'), record),
    // Another delivery confirmed it between the read above and this take-back: it stays.
    takeBack: async () => (calls.push('takeBack'), 'confirmed' as const),
    confirm: async () => void calls.push('confirm'),
  };
  const deps = {
    directory: { directReports: async () => [{ id: 'aad-new', name: 'Nieuw' }], managerOf: async () => undefined, teamOf: async () => undefined },
    clock: { now: () => new Date('2026-12-07T10:01:00Z') },
    teamAccounts,
    verantwoording: {},
  } as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- only the earlier-try path's reads
  const answer = await accountToTeam(deps, {} as any, { managerId: MIA, text: 'Wat ik deed.', pressKey: 'k1', listed: ['aad-left'], language: 'nl' }); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect({ status: answer.status, calls }).toEqual({ status: 'sent', calls: ['find', 'takeBack'] });
});
