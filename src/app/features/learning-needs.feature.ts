import { CosmosLearningNeedStore } from '../../store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import { registerLearningNeeds } from '../../teams/features/learning-needs/register';
import { handOverLearningNeeds, HANDOVER_JOB, LearningNeedDeps, scheduleHandover } from '../../usecases/learning-needs/learning-needs';
import { Platform } from '../platform';

/** The organisation's time zone for the weekly handover (as for the HR report). */
const TIME_ZONE = 'Europe/Amsterdam';

/**
 * Learning needs for L&O: the member's choice on the session card, and the weekly handover that
 * turns the pending choices of enough people into one anonymous batch.
 */
export function composeLearningNeeds(p: Platform): LearningNeedDeps {
  const deps: LearningNeedDeps = {
    store: new CosmosLearningNeedStore(p.cosmos),
    records: new CosmosPersonalRecordRepository(p.cosmos),
    clock: p.clock,
    minimum: p.config.pulsePoll.minRespondents,
    timeZone: TIME_ZONE,
    scheduler: p.scheduler,
  };
  registerLearningNeeds(p.app, { learningNeeds: deps, translator: p.translator, actions: p.actions });
  p.scheduler.on(HANDOVER_JOB, async () => {
    const outcome = await handOverLearningNeeds(deps);
    // Counts only: who and what stay out of the log.
    p.logger.info({ ...outcome }, 'learning needs handover');
    // While some wait for enough others, try again next week; a new pass-on schedules it too.
    if (outcome.result === 'waiting' && outcome.people > 0) await scheduleHandover(deps);
  });
  return deps;
}
