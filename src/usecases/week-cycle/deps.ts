import { Framework, Language } from '../../domain/framework/framework';
import { BusinessEvents } from '../../domain/shared/business-events';
import { ProposalDrafter } from '../../domain/proposal/proposal-draft';
import { Clock } from '../../domain/shared/clock';
import { JobScheduler } from '../../domain/scheduling/job';
import { HolidayCalendar } from '../../domain/week-cycle/holidays';
import { PlanRepository } from '../../domain/week-cycle/plan';
import { CurrentCycleHints } from './current-cycles';
import { OpeningLock } from './opening-lock';
import type { SaveWindowDeps } from '../verantwoording/save-window';
import {
  CycleRepository,
  GroupRepository,
  MembershipIndex,
  PersonalAnswerRepository,
  ProposalRepository,
  SessionItemRepository,
  SessionRepository,
} from '../../domain/week-cycle/ports';

export interface WeekCycleDeps {
  groups: GroupRepository;
  cycles: CycleRepository;
  sessions: SessionRepository;
  items: SessionItemRepository;
  proposals: ProposalRepository;
  personalAnswers: PersonalAnswerRepository;
  membership: MembershipIndex;
  frameworks: Record<Language, Framework>;
  drafter: ProposalDrafter;
  scheduler: JobScheduler;
  clock: Clock;
  session: { minutes: number; warningMinutes: number };
  /** How long one AI draft may take in all (DRAFT_BUDGET_MS; tests shorten it). */
  draftBudgetMs: number;
  /** Share of the members present whose judgement the group's decision needs. */
  decisionQuorum: number;
  events: BusinessEvents;
  /** The rhythm of the year: the group's plan, its holidays and reminders. */
  plans: PlanRepository;
  rhythm: { holidays: HolidayCalendar; reminderMinutes: number };
  /** Whether a member has sketched their Prof-traject (kept by Mijn verantwoording). */
  profTrajects: ProfTrajectLookup;
  /** One session opening at a time per group in this process (see opening-lock.ts). */
  openings: OpeningLock;
  /** The week this instance last saw each group in: a hint, checked by the query it saves (see current-cycles.ts). */
  currentCycles: CurrentCycleHints;
  /**
   * The person's own records as their saves keep to a save window (save-window.ts): what a press
   * writes into their partition (a personal answer, a newcomer's membership index) is taken back
   * and refused when answered too late, so none is left after their erasure said "gewist".
   */
  ownRecords: SaveWindowDeps;
  /**
   * Told after a member saved a personal answer they share with their manager, so what shows it
   * (the manager's prep cards) shows the new text. The answer is stored by then: this does not
   * fail the turn. Absent: nothing to rebuild.
   */
  sharingChanged?(userId: string): Promise<void>;
}

/** Port: reads, through Mijn verantwoording's own use case, whether a person has a Prof-traject. */
export interface ProfTrajectLookup {
  hasProfTraject(userId: string): Promise<boolean>;
}

/** Who acts: ids from Teams, already validated by the adapter. */
export interface Actor {
  id: string;
  name: string;
  teamsId?: string;
  /** When Teams sent the activity (its stamp; the same on a redelivery), where it carries one. */
  sentAt?: string;
  /**
   * Asks Teams whether the person is in the group's chat now (a roster lookup of them): undefined
   * when it cannot tell. Asked only of someone the group let go who acts on its card (see
   * ensureMember); absent, nobody can tell.
   */
  inChat?(): Promise<boolean | undefined>;
}

export const JOB_KINDS = {
  /** The time box: the warning before the end, which then schedules the close. */
  sessionWarning: 'session.warning',
  sessionClose: 'session.close',
  /** A planned session's start (and, from older versions, a cycle's next session). */
  sessionStart: 'session.start',
  /** The reminder in the group's chat shortly before a planned session. */
  sessionReminder: 'session.reminder',
  /** The private offer to sketch a Prof-traject, during a group's first cycle. */
  profTrajectOffer: 'profTraject.offer',
  /** The private invitation to look back, when the group's last planned week is complete. */
  plannedWeeksEnd: 'plannedWeeks.end',
  /** After a session closed: its week recorded as active for those who attended (Mijn verantwoording's Prof-traject count). */
  activeWeeks: 'activeWeeks.record',
} as const;
