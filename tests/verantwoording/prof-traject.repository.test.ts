import { CosmosConnection } from '../../src/store/cosmos-connection';
import { profTrajectId } from '../../src/domain/verantwoording/prof-traject';
import { getProfTraject, saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { startTestCosmos } from '../support/cosmos';
import { verantwoordingDeps } from './support';

/**
 * The Prof-traject in the personal container, saved from the chat and the tab: a save from the
 * revision it was opened at wins once; a save from an older one gets `conflict` and the newer
 * text stays; a save without a revision (a client from before revisions) wins as before.
 */
describe('the Prof-traject in the personal container', () => {
  let cosmos: CosmosConnection;
  let deps: ReturnType<typeof verantwoordingDeps>;
  const base = { talents: 'Coachen', plannedWeeks: 20 };
  beforeAll(async () => {
    cosmos = await startTestCosmos();
    deps = verantwoordingDeps(cosmos);
  });
  afterAll(() => cosmos.close());

  it('counts revisions; a save from an older one is refused and the newer text stays', async () => {
    const first = await saveProfTraject(deps, 'aad-anna', { ...base, learningNeeds: 'Plannen', rev: 0 });
    expect(first.rev).toBe(1);
    const second = await saveProfTraject(deps, 'aad-anna', { ...base, learningNeeds: 'Plannen en delegeren', rev: 1 });
    expect(second.rev).toBe(2);
    await expect(saveProfTraject(deps, 'aad-anna', { ...base, learningNeeds: 'Oud scherm', rev: 1 })).rejects.toMatchObject({ code: 'conflict' });
    // The same save arriving twice changes nothing, so it is no conflict.
    expect(await saveProfTraject(deps, 'aad-anna', { ...base, learningNeeds: 'Plannen en delegeren', rev: 1 })).toMatchObject({ rev: 2 });
    // Without a revision the save wins, as it did before revisions were kept.
    expect(await saveProfTraject(deps, 'aad-anna', { ...base, learningNeeds: 'Zonder revisie' })).toMatchObject({ learningNeeds: 'Zonder revisie', rev: 3 });
  });

  it('two saves from one revision at the same time: one wins, the other gets a conflict', async () => {
    await saveProfTraject(deps, 'aad-bram', { ...base, learningNeeds: 'Begin' });
    const results = await Promise.allSettled(['Uit de chat', 'Uit het tabblad'].map((learningNeeds) => saveProfTraject(deps, 'aad-bram', { ...base, learningNeeds, rev: 1 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({ code: 'conflict' });
    expect(await getProfTraject(deps, 'aad-bram')).toMatchObject({ rev: 2 });
  });

  it('keeps the phase when a save has none, and clears it only when asked', async () => {
    await saveProfTraject(deps, 'aad-cem', { ...base, learningNeeds: 'Plannen', maturityPhase: 'actie' });
    expect(await saveProfTraject(deps, 'aad-cem', { ...base, learningNeeds: 'Plannen en meer' })).toMatchObject({ maturityPhase: 'actie' });
    expect((await saveProfTraject(deps, 'aad-cem', { ...base, learningNeeds: 'Plannen en meer', maturityPhase: '' })).maturityPhase).toBeUndefined();
  });

  it('reads a Prof-traject stored before revisions as revision 1', async () => {
    const at = '2026-11-01T08:00:00.000Z';
    await cosmos.container('personal').items.upsert({ id: profTrajectId('aad-dewi'), type: 'profTraject', userId: 'aad-dewi', learningNeeds: 'Oud', talents: '', plannedWeeks: 20, visibility: 'private', createdAt: at, updatedAt: at });
    expect(await getProfTraject(deps, 'aad-dewi')).toMatchObject({ learningNeeds: 'Oud', rev: 1 });
    await expect(saveProfTraject(deps, 'aad-dewi', { ...base, learningNeeds: 'Nieuw', rev: 0 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await saveProfTraject(deps, 'aad-dewi', { ...base, learningNeeds: 'Nieuw', rev: 1 })).toMatchObject({ learningNeeds: 'Nieuw', rev: 2 });
  });
});
