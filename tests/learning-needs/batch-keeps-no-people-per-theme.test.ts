import { buildBatch, LearningNeedBatch, LearningNeedPassOn, LearningTheme } from '../../src/domain/learning-needs/learning-need';
import { learningNeedsSection } from '../../src/domain/learning-needs/report';
import { documentProblems } from '../../src/store/document-schemas';
import { DatabaseDump, withoutSystemFields } from '../privacy/support/database-dump';
import { handOverPlan, PassOnPlan } from './hand-over-plan';

const MIN = 3;

/**
 * Found in review, stop 54 (fixed then: the stored batch kept each shown theme's `people` beside its
 * `needs`, which the report never shows). Attack (database reader), the stop-37 attack on a theme
 * that IS shown: one member (Anna) has two needs in one handover, everybody else one; the reader
 * sees in the members' partitions who has two handed-over records. A shown theme with needs =
 * people + 1 could only hold both of Anna's needs; needs = people everywhere meant Anna was in two.
 *
 * Run 1: Anna chose "samenwerken" twice. Run 2: Anna chose one of each; Dewi moved to
 * "samenwerken". HR's report (and the weekly card, drawn by the same code) is identical in both, so
 * nothing published tells them apart; the batch, which now stores per theme only needs and texts
 * and the handover's minimum, stores the same in both. Batches from before keep `people` and are
 * still read by it; a batch kept under a lower minimum than the report's is left out whole.
 */
describe('learning needs: the batch keeps no people per theme (a member with two needs is not tied to a shown theme)', () => {
  type Plan = PassOnPlan;
  const run = (plan: Plan) => handOverPlan(plan, MIN);

  const run1: Plan = [
    { user: 'aad-anna', week: 1, theme: 'samenwerken' },
    { user: 'aad-anna', week: 2, theme: 'samenwerken' },
    { user: 'aad-bram', week: 2, theme: 'samenwerken' },
    { user: 'aad-cem', week: 2, theme: 'samenwerken' },
    { user: 'aad-dewi', week: 2, theme: 'digitaal' },
    { user: 'aad-eva', week: 2, theme: 'digitaal' },
    { user: 'aad-finn', week: 2, theme: 'digitaal' },
  ];
  const run2: Plan = [
    { user: 'aad-anna', week: 1, theme: 'samenwerken' },
    { user: 'aad-anna', week: 2, theme: 'digitaal' },
    { user: 'aad-bram', week: 2, theme: 'samenwerken' },
    { user: 'aad-cem', week: 2, theme: 'samenwerken' },
    { user: 'aad-dewi', week: 2, theme: 'samenwerken' },
    { user: 'aad-eva', week: 2, theme: 'digitaal' },
    { user: 'aad-finn', week: 2, theme: 'digitaal' },
  ];
  let a: { dump: DatabaseDump; report: unknown };
  let b: { dump: DatabaseDump; report: unknown };
  beforeAll(async () => {
    a = await run(run1);
    b = await run(run2);
  }, 120_000);

  it("HR's report is the same in both runs (samenwerken 4, digitaal 3, 7 in all)", () => {
    expect(b.report).toEqual(a.report);
    expect((a.report as { total?: number }).total).toBe(7);
  });

  it('the database reader sees that Anna (only she) has two handed-over needs', () => {
    const owners = (d: DatabaseDump) => d.filter((x) => x.doc.type === 'learningNeedPassOn').map((x) => x.doc.userId).sort();
    expect(owners(a.dump)).toEqual(owners(b.dump));
    expect(owners(a.dump).filter((u) => u === 'aad-anna')).toHaveLength(2);
  });

  it('the anonymous batch is the same in both runs (it does not tell which shown themes Anna chose)', () => {
    const batch = (d: DatabaseDump) => withoutSystemFields(d, ['learningNeeds']).map((x) => x.doc as LearningNeedBatch);
    // Before stop 54 run 1 stored samenwerken {people: 3, needs: 4}: the one extra need is Anna's, so both are samenwerken;
    // run 2 stored {people: 4, needs: 4}: Anna is in samenwerken and in digitaal.
    expect(batch(b.dump)).toEqual(batch(a.dump));
    expect(batch(a.dump)).toEqual([expect.objectContaining({ minimum: MIN, people: 6, needs: 7, themes: { samenwerken: { needs: 4, texts: [] }, digitaal: { needs: 3, texts: [] } }, rest: { needs: 0 } })]);
    expect(documentProblems('learningNeeds', batch(a.dump)[0] as unknown as Record<string, unknown>)).toEqual([]);
  });
});

describe('learning needs: batches of both shapes under the report\'s minimum', () => {
  const week = { week: '2026-W49', weekStart: '2026-11-30' };
  const period = { from: '2026-11-30', to: '2026-12-06' };
  const passOn = (userId: string, theme: LearningTheme): LearningNeedPassOn => ({ id: `lnp-${userId}`, type: 'learningNeedPassOn', userId, answerId: `a-${userId}`, status: 'sealing', theme, tenantId: 't1', batchId: 'b' });
  // Four chose samenwerken, three digitaal: kept under a minimum of 3.
  const sealed = [...['a', 'b', 'c', 'd'].map((u) => passOn(u, 'samenwerken')), ...['e', 'f', 'g'].map((u) => passOn(u, 'digitaal'))];
  const built = buildBatch(sealed, week, 't1', 3)!;

  it('a batch shows what it kept under its own minimum or a lower one', () => {
    expect(learningNeedsSection([built], period, 3)).toMatchObject({ total: 7, counted: 7, restsLeftOut: 0, themes: [{ theme: 'samenwerken', needs: 4 }, { theme: 'digitaal', needs: 3 }] });
    expect(learningNeedsSection([built], period, 2)).toEqual({ ...learningNeedsSection([built], period, 3), minimum: 2 });
  });

  it('under a higher minimum it is left out whole, never recounted: no theme, no total, one rest left out', () => {
    expect(learningNeedsSection([built], period, 4)).toEqual({ minimum: 4, batches: 1, counted: 0, restsLeftOut: 1, themes: [], themesHidden: false });
  });

  it('a batch from before stop 54 (people per theme, no minimum) is still decided by its people', () => {
    const old: LearningNeedBatch = { id: 'lnb_old', type: 'learningNeedBatch', tenantId: 't1', week: week.week, weekStart: week.weekStart, people: 7, needs: 7, themes: { samenwerken: { people: 4, needs: 4, texts: [] }, digitaal: { people: 3, needs: 3, texts: [] } }, rest: { needs: 0, themes: 0 } };
    expect(documentProblems('learningNeeds', old as unknown as Record<string, unknown>)).toEqual([]);
    expect(learningNeedsSection([old], period, 3)).toMatchObject({ total: 7, counted: 7, themes: [{ theme: 'samenwerken', needs: 4 }, { theme: 'digitaal', needs: 3 }] });
    // Under 4 digitaal's three are the rest, of three people at the least: left out.
    expect(learningNeedsSection([old], period, 4)).toMatchObject({ counted: 4, restsLeftOut: 1, themes: [{ theme: 'samenwerken', needs: 4 }] });
  });
});
