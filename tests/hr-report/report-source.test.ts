import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosReportSource } from '../../src/store/hr-report.source';
import { startTestCosmos } from '../support/cosmos';

const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-11-30T23:59:59.999Z';

/** A group as stored, with its tenant where the group, or only its conversation reference, names it. */
function group(id: string, tenant: { own?: string; inRef?: string }) {
  return {
    id,
    type: 'group',
    groupId: id,
    ...(tenant.own ? { tenantId: tenant.own } : {}),
    conversationRef: { conversation: { id: `19:${id}@thread.v2`, ...(tenant.inRef ? { tenantId: tenant.inRef } : {}) } },
  };
}

const session = (groupId: string) => ({ id: `${groupId}_s1`, type: 'session', groupId, startedAt: '2026-11-10T08:00:00.000Z', status: 'closed', energy: { in: { average: 3, answers: 4 } } });

/**
 * Which groups a tenant's report reads. A group stored without `tenantId` still names its tenant in
 * its conversation reference; a group set up where Teams named no tenant must not reach the report
 * of a real tenant (nor the other way round).
 */
describe('the HR report source, held to one tenant', () => {
  let conn: CosmosConnection;
  beforeAll(async () => {
    conn = await startTestCosmos();
    const sessions = conn.container('sessions');
    for (const doc of [
      group('g-own', { own: 'tenant-1', inRef: 'tenant-1' }),
      group('g-legacy', { inRef: 'tenant-1' }),
      group('g-other', { own: 'tenant-2', inRef: 'tenant-2' }),
      group('g-none', {}),
      session('g-own'),
      session('g-legacy'),
      session('g-other'),
      session('g-none'),
      session('g-unknown'), // no group document at all: belongs to no tenant's report
    ]) await sessions.items.create(doc);
  });
  afterAll(() => conn.close());

  const groupsRead = async (tenantId: string) => (await new CosmosReportSource(conn).forTenant(tenantId).sessions(FROM, TO)).map((s) => s.groupId).sort();

  it.each([
    ['tenant-1', ['g-legacy', 'g-own']],
    ['tenant-2', ['g-other']],
    ['', ['g-none']],
    ['tenant-3', []],
  ])('reads for tenant %p only the sessions of groups %p', async (tenantId, groups) => {
    expect(await groupsRead(tenantId)).toEqual(groups);
  });
});
