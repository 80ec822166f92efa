import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { JobScheduler } from '../../src/domain/scheduling/job';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { handOverLearningNeeds, LearningNeedDeps, learningNeedsReport, passOnLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { DatabaseDump, fullDump } from '../privacy/support/database-dump';

/** Who passes on a learning need (an answer to question 9 of which week), with which theme. */
export type PassOnPlan = { user: string; week: number; theme: string }[];

const noScheduler: JobScheduler = { schedule: async () => undefined, cancel: async () => undefined };

/**
 * The database-reader attacks on learning needs compare two runs whose published report is the
 * same: each run, on a database of its own, passes on the plan's needs in one tenant, hands them
 * over once, and returns every stored document and HR's report of the period.
 */
export async function handOverPlan(plan: PassOnPlan, minimum: number, tenantId = 'tenant-1'): Promise<{ dump: DatabaseDump; report: unknown }> {
  const cosmos = await startTestCosmos();
  try {
    const clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
    const deps: LearningNeedDeps = { store: new CosmosLearningNeedStore(cosmos), records: new CosmosPersonalRecordRepository(cosmos), clock, minimum, timeZone: 'Europe/Amsterdam', scheduler: noScheduler };
    for (const p of plan) {
      const a = writePersonalAnswer({ userId: p.user, groupId: 'g1', cycleId: `g1_w${p.week}`, sessionId: `g1_w${p.week}_s4`, questionId: 9, text: `Antwoord ${p.user} ${p.week}`, updatedAt: '2026-11-26T08:00:00.000Z' });
      await deps.records.create(a);
      await passOnLearningNeed(deps, p.user, a.id, { theme: p.theme }, tenantId);
    }
    clock.set('2026-11-30T01:00:00Z');
    const results = (await handOverLearningNeeds(deps)).map((r) => r.result);
    if (results.join() !== 'handedOver') throw new Error(`expected one handover, got ${results.join() || 'none'}`);
    const report = await learningNeedsReport(deps, tenantId, { from: '2026-11-01', to: '2026-12-31' });
    return { dump: await fullDump(cosmos), report };
  } finally {
    await cosmos.close();
  }
}
