import { LearningNeedBatch } from '../../src/domain/learning-needs/learning-need';
import { DatabaseDump, withoutSystemFields } from './support/database-dump';
import { handOverPlan, PassOnPlan } from '../learning-needs/hand-over-plan';

const MIN = 3;

/**
 * Attack (database reader): one member has two learning needs in a handover (two answers to
 * question 9 that waited together, e.g. two weeks under the minimum), everybody else one. The
 * reader sees in the members' partitions who has two handed-over records (they keep their answer
 * ids). The batch keeps, per theme, `people` and `needs` also for themes too few chose: a theme
 * with people 1 and needs 2 can only be that member's.
 *
 * Both runs below give HR exactly the same report (checked), so an app that stores only what it
 * may publish stores the same in both; it may not store what tells the two apart. The batch kept
 * every theme's people and needs. Found in review, stop 37.
 */
describe('learning needs, a member with two needs in one handover', () => {
  type Plan = PassOnPlan;
  const run = (plan: Plan) => handOverPlan(plan, MIN);

  // Run 1: Anna chose "digitaal" for both of her needs. Run 2: Anna chose one of each; Dewi "digitaal".
  const run1: Plan = [
    { user: 'aad-anna', week: 1, theme: 'digitaal' },
    { user: 'aad-anna', week: 2, theme: 'digitaal' },
    { user: 'aad-bram', week: 2, theme: 'samenwerken' },
    { user: 'aad-cem', week: 2, theme: 'samenwerken' },
    { user: 'aad-dewi', week: 2, theme: 'samenwerken' },
  ];
  const run2: Plan = [
    { user: 'aad-anna', week: 1, theme: 'samenwerken' },
    { user: 'aad-anna', week: 2, theme: 'digitaal' },
    { user: 'aad-bram', week: 2, theme: 'samenwerken' },
    { user: 'aad-cem', week: 2, theme: 'samenwerken' },
    { user: 'aad-dewi', week: 2, theme: 'digitaal' },
  ];
  let a: { dump: DatabaseDump; report: unknown };
  let b: { dump: DatabaseDump; report: unknown };
  beforeAll(async () => {
    a = await run(run1);
    b = await run(run2);
  });

  it('HR\'s report is the same in both runs (so nothing needs to tell them apart)', () => {
    expect(b.report).toEqual(a.report);
  });

  it('the database reader can see who has two handed-over needs', () => {
    const records = a.dump.filter((d) => d.doc.type === 'learningNeedPassOn').map((d) => d.doc.userId);
    expect(records.filter((u) => u === 'aad-anna')).toHaveLength(2);
  });

  it('the anonymous batch does not tell which themes that member chose (it is the same in both runs)', () => {
    const batch = (d: DatabaseDump) => withoutSystemFields(d, ['learningNeeds']).map((x) => x.doc as LearningNeedBatch);
    // Run 1 stores digitaal {people: 1, needs: 2}: only Anna has two needs, so both are hers.
    expect(batch(b.dump)).toEqual(batch(a.dump));
  });
});
