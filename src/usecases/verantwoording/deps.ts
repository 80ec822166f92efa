import { Framework, Language } from '../../domain/framework/framework';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { ReviewsOfProfessional } from '../../domain/talent-review/ports';
import { DataRightsDeps } from '../../domain/verantwoording/erasure-ports';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { WindowClock } from './window-clock';
import { CycleRepository, GroupRepository, GroupTraceRepository, MembershipIndex, ProposalRepository, SessionRepository } from '../../domain/week-cycle/ports';

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
  /** Sessions, for erasure: a published energy average made with the person's score is withdrawn. */
  sessions: SessionRepository;
  proposals: ProposalRepository;
  frameworks: Record<Language, Framework>;
  clock: Clock;
  defaultLanguage: Language;
  /** The organisation's time zone (ORG_TIME_ZONE): the calendar week a Prof-traject sketched anew starts in; default UTC. */
  timeZone?: string;
  /** The organisation's learning time per active week (LEARNING_HOURS_PER_WEEK); default 4. */
  learningHoursPerWeek?: number;
  /** The talentontwikkelgesprekken about the person (their manager's phase proposal and facilitation account); absent: none shown. */
  talentReviews?: ReviewsOfProfessional;
  /**
   * Told after the person changed what they share, so what was built from it (their managers'
   * prep cards) is rebuilt from what they share now; absent: nothing to rebuild. Called once the
   * change is stored, so it does not fail it: a rebuild that fails is retried later.
   */
  sharingChanged?(userId: string): Promise<void>;
  /**
   * The erasure's rebuild of those prep cards, while the reviews still know their messages: it
   * cannot wait for a retry after the erasure (nothing would find the cards then), so it rebuilds
   * now or fails, and the erasure is run again. Absent: nothing to rebuild.
   */
  sharingErased?(userId: string): Promise<void>;
  /**
   * Where an erasure schedules its own resume (erasure-resume.ts), so an interrupted one finishes
   * without the person. Absent: an interrupted erasure finishes when it is asked for again.
   */
  erasureJobs?: JobScheduler;
  /**
   * The save window (save-window.ts, SAVE_WINDOW_MS when absent): a save of the person's own
   * records answered later than this after its erasure check is taken back, and an erasure sweeps
   * their partition for the last time this long after its ticket. Tests shorten it.
   */
  saveWindowMs?: number;
  /** The clock the save window is measured by (window-clock.ts; the process's own when absent). Tests pass one they move. */
  windowClock?: WindowClock;
  /** For export and erasure: the talentontwikkelgesprekken, the outbox, scheduled jobs. */
  dataRights: DataRightsDeps;
}
