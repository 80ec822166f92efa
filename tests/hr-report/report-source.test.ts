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

  const groupsRead = async (tenantId: string) => (await new CosmosReportSource(conn, 6).forTenant(tenantId).sessions(FROM, TO)).map((s) => s.groupId).sort();

  it.each([
    ['tenant-1', ['g-legacy', 'g-own']],
    ['tenant-2', ['g-other']],
    ['', ['g-none']],
    ['tenant-3', []],
  ])('reads for tenant %p only the sessions of groups %p', async (tenantId, groups) => {
    expect(await groupsRead(tenantId)).toEqual(groups);
  });
});

/**
 * What the source tells of each proposal: the rhythm opens a proposal record with every session
 * that works on it, attended or not, so the report needs to know whether the group made anything
 * of it. Only facts leave the store: a draft, own text at the proposal question (6), a decision.
 */
describe('the HR report source on proposals', () => {
  let conn: CosmosConnection;
  const proposal = (cycle: string, extra: Record<string, unknown> = {}) => ({
    id: `${cycle}_p`, type: 'proposal', groupId: 'g-own', cycleId: cycle, createdAt: '2026-11-11T08:00:00.000Z', ai: { status: 'none' }, ...extra,
  });
  const contribution = (cycle: string, questionId: number) => ({ id: `${cycle}_c${questionId}`, type: 'contribution', groupId: 'g-own', cycleId: cycle, questionId, text: 'Geheim', at: '2026-11-11T08:10:00.000Z' });

  beforeAll(async () => {
    conn = await startTestCosmos();
    const sessions = conn.container('sessions');
    for (const doc of [
      group('g-own', { own: 'tenant-1' }),
      proposal('g-own_w1'), // nobody came: an empty record
      proposal('g-own_w2', { ai: { status: 'drafted', at: '2026-11-11T08:20:00.000Z', draft: { proposal: 'x', assumptions: [], risks: [], questionsToCheck: [] } } }),
      proposal('g-own_w3'),
      contribution('g-own_w3', 6), // the group's own proposal
      proposal('g-own_w4', { decision: { verdict: 'reject', at: '2026-11-11T08:50:00.000Z' } }),
      proposal('g-own_w5'),
      contribution('g-own_w5', 5), // written that week, but not at the proposal question
    ]) await sessions.items.create(doc);
  });
  afterAll(() => conn.close());

  it('tells per proposal whether it was drafted, written by the group or decided, and nothing of its text', async () => {
    const rows = await new CosmosReportSource(conn, 6).forTenant('tenant-1').proposals(FROM, TO);
    expect(rows.sort((a, b) => Number(a.drafted) - Number(b.drafted) || Number(a.ownText) - Number(b.ownText) || Number(!!a.decision) - Number(!!b.decision))).toEqual([
      { groupId: 'g-own', createdAt: '2026-11-11T08:00:00.000Z', drafted: false, ownText: false },
      { groupId: 'g-own', createdAt: '2026-11-11T08:00:00.000Z', drafted: false, ownText: false },
      { groupId: 'g-own', createdAt: '2026-11-11T08:00:00.000Z', drafted: false, ownText: false, decision: { verdict: 'reject', at: '2026-11-11T08:50:00.000Z' } },
      { groupId: 'g-own', createdAt: '2026-11-11T08:00:00.000Z', drafted: false, ownText: true },
      { groupId: 'g-own', createdAt: '2026-11-11T08:00:00.000Z', drafted: true, ownText: false },
    ]);
  });

  it('knows no own text where the framework has no proposal question', async () => {
    const rows = await new CosmosReportSource(conn, undefined).forTenant('tenant-1').proposals(FROM, TO);
    expect(rows.filter((r) => r.ownText)).toEqual([]);
  });
});
