/**
 * Stop 64: the team account repository moves a record only as the domain's transition table
 * allows (team-account-send.ts), on documents as stop 63's code stored them (`confirmed`,
 * `keptAfterCards`, her delete's mark), against the Cosmos protocol server.
 */
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosTeamAccountRepository } from '../../src/store/team-account.repository';
import { deletedTeamAccount, TeamAccountRecord } from '../../src/domain/talent-review/team-account';
import { nextState, TeamAccountState, teamAccountState } from '../../src/domain/talent-review/team-account-send';
import { startTestCosmos } from '../support/cosmos';

const MIA = 'aad-mia';
const base: TeamAccountRecord = { id: 'tar-x', type: 'teamAccount', userId: MIA, text: 'Wat ik deed.', sentAt: '2026-12-07T10:00:00.000Z', language: 'nl', recipientCount: 2, toOwnManager: false };

/** The document stop 63's code leaves in each state (written raw, not through the repository). */
function storedAs(state: TeamAccountState, id: string): Record<string, unknown> | undefined {
  if (state === 'absent') return undefined;
  if (state === 'deletedFromList') return { ...deletedTeamAccount({ id, userId: MIA }, new Date('2026-12-07T10:05:00Z')) };
  if (state === 'kept') return { ...base, id };
  if (state === 'afterItsCards') return { ...base, id, keptAfterCards: true };
  return { ...base, id, keptAfterCards: true, confirmed: true };
}

const STATES: TeamAccountState[] = ['absent', 'deletedFromList', 'kept', 'afterItsCards', 'confirmed'];

describe('the team account record moves only as its state allows', () => {
  let conn: CosmosConnection;
  let repo: CosmosTeamAccountRepository;
  const stateNow = async (id: string) => teamAccountState(await repo.find(MIA, id));

  beforeAll(async () => {
    conn = await startTestCosmos();
    repo = new CosmosTeamAccountRepository(conn);
  });
  afterAll(() => conn.close());

  const given = async (state: TeamAccountState, event: string) => {
    const id = `tar-${event}-${state}`;
    const doc = storedAs(state, id);
    if (doc) await conn.container('personal').items.create(doc);
    expect(await stateNow(id)).toBe(state);
    return id;
  };

  it.each(STATES)('a take-back of a record %s: tells what it found, deletes only what the table lets it', async (state) => {
    const id = await given(state, 'takeBack');
    expect(await repo.takeBack(MIA, id)).toBe(state);
    expect(await stateNow(id)).toBe(nextState(state, 'takeBack'));
  });

  it.each(STATES.filter((s) => s !== 'absent'))('a confirm of a record %s: as the table says', async (state) => {
    const id = await given(state, 'confirm');
    await repo.confirm(MIA, id);
    expect(await stateNow(id)).toBe(nextState(state, 'confirm'));
  });

  it('a confirm that finds nothing is the store\'s error: the delivery may not say "verstuurd"', async () => {
    await expect(repo.confirm(MIA, 'tar-never-there')).rejects.toMatchObject({ code: 404 });
  });

  it.each(STATES)('her delete of a record %s: as the table says', async (state) => {
    const id = await given(state, 'delete');
    expect(await repo.delete(MIA, id, new Date('2026-12-07T11:00:00Z'))).toBe(state === 'kept' || state === 'afterItsCards' || state === 'confirmed');
    expect(await stateNow(id)).toBe(nextState(state, 'deleteFromList'));
  });

  it('a confirm keeps the mark of a record stored after its cards (as stop 63 wrote it)', async () => {
    const id = await given('afterItsCards', 'confirm-keeps-mark');
    await repo.confirm(MIA, id);
    expect(await repo.get(MIA, id)).toMatchObject({ keptAfterCards: true, confirmed: true });
  });
});
