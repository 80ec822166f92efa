import { Framework, Language } from '../../domain/framework/framework';
import { Clock } from '../../domain/shared/clock';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { CycleRepository, GroupRepository, ProposalRepository, SessionRepository } from '../../domain/week-cycle/ports';

/** What the verantwoording use cases need. Every use case takes the caller's own id. */
export interface VerantwoordingDeps {
  records: PersonalRecordRepository;
  groups: GroupRepository;
  cycles: CycleRepository;
  sessions: SessionRepository;
  proposals: ProposalRepository;
  frameworks: Record<Language, Framework>;
  clock: Clock;
  defaultLanguage: Language;
}
