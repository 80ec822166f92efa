import { ManagerDirectory } from '../../domain/directory/manager-directory';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { PrepSummarizer, TalentReviewRepository, TeamPulseSource } from '../../domain/talent-review/ports';
import { VerantwoordingDeps } from '../verantwoording/deps';

export interface TalentReviewDeps {
  reviews: TalentReviewRepository;
  directory: ManagerDirectory;
  verantwoording: VerantwoordingDeps;
  pulse: TeamPulseSource;
  summarizer: PrepSummarizer;
  scheduler: JobScheduler;
  clock: Clock;
  prepDaysBefore: number;
}

export const REVIEW_JOB = 'review.prep';
