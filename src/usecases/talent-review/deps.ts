import { ManagerDirectory } from '../../domain/directory/manager-directory';
import { JobScheduler, PendingJobLookup } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { PrepCards, PrepSummarizer, PrepSummaryStore, ReviewManagersIndex, ReviewNotices, TalentReviewRepository, TeamPulseSource, TeamsOfPerson } from '../../domain/talent-review/ports';
import { PrepDaysOff } from '../../domain/talent-review/review';
import { PrepTeamChoiceRepository } from '../../domain/talent-review/prep-teams';
import { PrepRefreshesOwed } from '../../domain/talent-review/prep-refresh-owed';
import { ProposalToManagerRepository } from '../../domain/talent-review/proposal-to-manager';
import { TeamAccountRepository } from '../../domain/talent-review/team-account';
import { ReviewRequestRepository } from '../../domain/talent-review/review-request';
import { ScheduledJobPurge } from '../../domain/verantwoording/erasure-ports';
import { VerantwoordingDeps } from '../verantwoording/deps';

/**
 * How a render in someone's turn treats an AI summary still being made: it waits `waitMs` at
 * most, then hands the rest to `finish`, which must catch what it throws (the turn is answered by then).
 */
export interface TurnSummaryWait {
  waitMs: number;
  finish(pending: Promise<unknown>): void;
}

export interface TalentReviewDeps {
  reviews: TalentReviewRepository;
  /** Who planned a conversation about whom, in the report's partition: their verantwoording finds it after a change of manager. */
  reviewManagers: ReviewManagersIndex;
  directory: ManagerDirectory;
  verantwoording: VerantwoordingDeps;
  pulse: TeamPulseSource;
  /** The teams a report is in, from the rosters of the teams the app is installed in; absent: only the directory's team. */
  teams?: TeamsOfPerson;
  /** Each professional's choice of which teams' B3-spiegel their manager's prep card shows, in their own partition. */
  prepTeamChoices: PrepTeamChoiceRepository;
  summarizer: PrepSummarizer;
  /** The AI summary as made once for what the report shares, so every render of it (preview, card, rebuild) shows the same text. */
  prepSummaries: PrepSummaryStore;
  /** A prep card rendered in someone's turn waits this long for a new AI summary; absent: as long as the model takes. */
  turnSummary?: TurnSummaryWait;
  /** The prep card's messages in the manager's chat, rendered when sent and rebuilt when the report's sharing changes. */
  prepCards: PrepCards;
  /** Rebuilds still owed after a change of sharing whose rebuild and retry job both failed, in each person's own partition. */
  prepRefreshesOwed: PrepRefreshesOwed;
  /** Tells the professional when a conversation about them is planned, moved or cancelled; absent: nobody is told. */
  notices?: ReviewNotices;
  /** Schedules prep cards; `forget` drops the job of a plan that moved; the lookup finds an old plan's job at start-up. */
  scheduler: JobScheduler & ScheduledJobPurge & PendingJobLookup;
  clock: Clock;
  prepDaysBefore: number;
  /** The public holidays a prep card does not come on (HOLIDAY_REGION), besides weekends. */
  holidays: PrepDaysOff;
  /** The organisation's time zone (ORG_TIME_ZONE): a new plan's default, and a preview's when nothing is planned. */
  timeZone: string;
  /** The organisation's grant of learning time per active week (LEARNING_HOURS_PER_WEEK). */
  learningHoursPerWeek: number;
  /** Adopted proposals members put before their manager, in each member's own partition; absent: the button does nothing. */
  proposalsToManager?: ProposalToManagerRepository;
  /** The managers' accounts to their team, each kept in the manager's own partition to look back on. */
  teamAccounts: TeamAccountRepository;
  /** The professionals' requests for a talentontwikkelgesprek, each kept in the professional's own partition; absent: none kept. */
  reviewRequests?: ReviewRequestRepository;
}

export const REVIEW_JOB = 'review.prep';
