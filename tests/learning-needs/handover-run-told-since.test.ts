/**
 * Stop 54 (next to the rollout race of `weekly-lo-rollout-give-up-vs-telling.test.ts`): a telling
 * counts a card as told when its queue finds the card's key held, also by a card still waiting
 * that another instance then gives up (its tenant off ALLOWED_TENANT_IDS there), whose hook keeps
 * the tenant on the week's record. If that lands between the telling's read of the record and its
 * `told`, the telling must not take the tenant off again. On the real Cosmos protocol: a record
 * written since the telling read it (`since`) keeps everyone it waits for and adds the held; the
 * hook writes the record even when its tenant was on the list already (a new version); a record
 * without a list stays one; unchanged, the telling takes its tenants off as before.
 */
import { CosmosHandoverRuns } from '../../src/store/learning-need-handover-runs';
import { documentProblems } from '../../src/store/document-schemas';
import { startTestCosmos } from '../support/cosmos';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

describe("a week's telling and a card given up meanwhile", () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let runs: CosmosHandoverRuns;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
    runs = new CosmosHandoverRuns(cosmos);
  });
  afterAll(() => cosmos.close());

  const stored = async (): Promise<Doc[]> => (await cosmos.container('learningNeeds').items.query("SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun'").fetchAll()).resources;
  const week = async (w: string) => (await runs.unfinishedBefore('2027-W01')).find((u) => u.week === w);

  it('keeps a tenant whose card was given up after the telling read the record, also one on the list already', async () => {
    await runs.handedOver('2026-W40', 'tenant-1'); // an earlier give-up: tenant-1 waits
    const seen = (await week('2026-W40'))!;
    expect(seen).toEqual({ week: '2026-W40', handedOver: true, waiting: ['tenant-1'] });
    // The telling found tenant-1's key held by a waiting card; that card is given up meanwhile.
    await runs.handedOver('2026-W40', 'tenant-1');
    await runs.told('2026-W40', ['tenant-1'], [], seen);
    expect(await week('2026-W40')).toEqual({ week: '2026-W40', handedOver: true, waiting: ['tenant-1'] });
    // The next telling, with nothing given up meanwhile, takes it off: the week is done.
    await runs.told('2026-W40', ['tenant-1'], [], (await week('2026-W40'))!);
    expect(await week('2026-W40')).toBeUndefined();
  });

  it('adds the held tenants to a record written since, and takes nobody off', async () => {
    await runs.handedOver('2026-W43', 'tenant-1');
    const seen = (await week('2026-W43'))!;
    await runs.handedOver('2026-W43', 'tenant-2'); // tenant-2's card given up meanwhile
    await runs.told('2026-W43', ['tenant-1'], ['tenant-3'], seen);
    expect(await week('2026-W43')).toEqual({ week: '2026-W43', handedOver: true, waiting: ['tenant-1', 'tenant-2', 'tenant-3'] });
    for (const doc of await stored()) expect(documentProblems('learningNeeds', doc)).toEqual([]);
  });

  it("keeps the week's own record without a list when a card was given up during its telling", async () => {
    await runs.begin('2026-W41');
    await runs.handedOver('2026-W41');
    const own = (await runs.find('2026-W41'))!;
    expect(own).toEqual({ week: '2026-W41', handedOver: true });
    await runs.handedOver('2026-W41', 'tenant-2'); // a card of tenant-2 given up during the telling
    await runs.told('2026-W41', ['tenant-1', 'tenant-2'], [], own);
    expect(await week('2026-W41')).toEqual({ week: '2026-W41', handedOver: true });
    // Unchanged since it was found: the telling ends the week, as before.
    await runs.told('2026-W41', ['tenant-1', 'tenant-2'], [], (await runs.find('2026-W41'))!);
    expect(await runs.find('2026-W41')).toBeUndefined();
  });
});
