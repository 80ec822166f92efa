/**
 * Found in review, stop 53 (fixed then: a week's handover record kept for a tenant off
 * ALLOWED_TENANT_IDS held the week only, so a later handover told that week to every tenant again).
 * The record's list of tenants still waiting, on the real Cosmos protocol: a telling keeps the held
 * tenants and drops the told ones, a given-up card adds its tenant (or writes the record with it
 * alone), a record without a list stays one (every tenant is told, as before), a run of the week
 * again drops the list, the record goes once nobody waits, and the give-up hook and the handover
 * writing at once lose neither's change (ETag-guarded). Tenant ids only, and every record parses
 * with its stored schema.
 */
import { CosmosHandoverRuns } from '../../src/store/learning-need-handover-runs';
import { documentProblems } from '../../src/store/document-schemas';
import { startTestCosmos } from '../support/cosmos';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

describe('the handover record names the tenants still waiting', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let runs: CosmosHandoverRuns;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
    runs = new CosmosHandoverRuns(cosmos);
  });
  afterAll(() => cosmos.close());

  const stored = async (): Promise<Doc[]> => (await cosmos.container('learningNeeds').items.query("SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun'").fetchAll()).resources;
  const unfinished = () => runs.unfinishedBefore('2027-W01');

  it('keeps the held tenants, adds a given-up card\'s tenant, and goes once nobody waits', async () => {
    await runs.begin('2026-W40');
    await runs.handedOver('2026-W40');
    await runs.told('2026-W40', ['tenant-1', 'tenant-2'], ['tenant-1']);
    expect(await unfinished()).toEqual([{ week: '2026-W40', handedOver: true, waiting: ['tenant-1'] }]);
    await runs.handedOver('2026-W40', 'tenant-3'); // a queued card of tenant-3 given up
    await runs.handedOver('2026-W40', 'tenant-3'); // the hook again: nothing changes
    expect(await unfinished()).toEqual([{ week: '2026-W40', handedOver: true, waiting: ['tenant-1', 'tenant-3'] }]);
    // The give-up hook and a later telling at once: neither's change is lost.
    await Promise.all([runs.handedOver('2026-W40', 'tenant-4'), runs.told('2026-W40', ['tenant-1'], [])]);
    expect(await unfinished()).toEqual([{ week: '2026-W40', handedOver: true, waiting: ['tenant-3', 'tenant-4'] }]);
    for (const doc of await stored()) expect(documentProblems('learningNeeds', doc)).toEqual([]);
    await runs.told('2026-W40', ['tenant-3', 'tenant-4'], []);
    expect(await unfinished()).toEqual([]);
  });

  it('writes a given-up card\'s week with its tenant alone; a record without a list stays one; a run again drops the list', async () => {
    await runs.handedOver('2026-W41', 'tenant-2'); // the week was done: only tenant-2 waits now
    expect(await unfinished()).toEqual([{ week: '2026-W41', handedOver: true, waiting: ['tenant-2'] }]);
    await runs.begin('2026-W42'); // a run that gave up before it handed anything over
    await runs.handedOver('2026-W42', 'tenant-1');
    expect((await unfinished()).find((u) => u.week === '2026-W42')).toEqual({ week: '2026-W42', handedOver: true });
    // Told late to every tenant, tenant-1 held: from now on only tenant-1 waits.
    await runs.told('2026-W42', ['tenant-1', 'tenant-2'], ['tenant-1']);
    expect((await unfinished()).find((u) => u.week === '2026-W42')).toEqual({ week: '2026-W42', handedOver: true, waiting: ['tenant-1'] });
    // A run of W41 again may write any tenant's batch: every tenant is to be told until it did.
    await runs.begin('2026-W41');
    expect((await unfinished()).find((u) => u.week === '2026-W41')).toEqual({ week: '2026-W41', handedOver: true });
    for (const doc of await stored()) {
      expect(documentProblems('learningNeeds', doc)).toEqual([]);
      expect(Object.keys(doc).filter((k) => !k.startsWith('_')).sort()).toEqual(['handedOver', 'id', 'ttl', 'type', 'week', ...(doc.waiting ? ['waiting'] : [])].sort());
    }
  });
});
