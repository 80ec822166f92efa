import { Framework, Language } from '../../domain/framework/framework';
import { Clock } from '../../domain/shared/clock';
import { DataRightsDeps } from '../../domain/verantwoording/erasure-ports';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { CycleRepository, GroupRepository, GroupTraceRepository, MembershipIndex, ProposalRepository } from '../../domain/week-cycle/ports';

/**
 * What the verantwoording use cases need. Every use case takes the caller's own id, and finds
 * their groups through their own membership index, never by searching every group.
 */
export interface VerantwoordingDeps {
  records: PersonalRecordRepository;
  membership: MembershipIndex;
  traces: GroupTraceRepository;
  groups: GroupRepository;
  cycles: CycleRepository;
  proposals: ProposalRepository;
  frameworks: Record<Language, Framework>;
  clock: Clock;
  defaultLanguage: Language;
  /** For export and erasure: the talentontwikkelgesprekken, the outbox, scheduled jobs. */
  dataRights: DataRightsDeps;
}
