/**
 * Found reviewing stop 65's owed prep rebuild: the marker in the professional's own partition (their
 * id and when their sharing change could not reach their manager's cards) was missing from
 * "Mijn gegevens". It is listed (when the rebuild last could not be done), and their erasure takes it.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat, verantwoordingDeps } from './support';
import { CosmosPrepRefreshesOwed } from '../../src/store/prep-refresh-owed.repository';
import { exportMyData } from '../../src/usecases/verantwoording/my-data';

const anna = user('Anna');

describe('an owed prep rebuild and the data rights', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t?.stop());
  const owedDocs = async () =>
    ((await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources as { type: string }[]).filter((d) => d.type === 'prepRefreshOwed');

  it('is in her export, with when it could not be done, and gone after her erasure', async () => {
    const before = await exportMyData(verantwoordingDeps(t.cosmos), anna.aadObjectId, 'nl');
    await new CosmosPrepRefreshesOwed(t.cosmos, t.clock).owe(anna.aadObjectId);
    const exported = await exportMyData(verantwoordingDeps(t.cosmos), anna.aadObjectId, 'nl');
    await eraseInChat(t, anna);
    expect({ before: before.prepRebuildOwedAt, owedAt: exported.prepRebuildOwedAt, leftAfterErasure: (await owedDocs()).length }).toEqual({
      before: undefined,
      owedAt: t.clock.now().toISOString(),
      leftAfterErasure: 0,
    });
  }, 120_000);
});
