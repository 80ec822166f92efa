import { Mutate } from '../week-cycle/ports';
import { TalentReview } from './review';

export interface TalentReviewRepository {
  get(managerId: string, reviewId: string): Promise<TalentReview | undefined>;
  create(review: TalentReview): Promise<{ review: TalentReview; created: boolean }>;
  update(managerId: string, reviewId: string, mutate: Mutate<TalentReview>): Promise<TalentReview>;
  listByManager(managerId: string): Promise<TalentReview[]>;
}

/** The B3-spiegel aggregate of one team, already under the anonymity rule. */
export type TeamPulse =
  | { status: 'none' }
  | { status: 'tooFew'; closedOn: string }
  | { status: 'ok'; closedOn: string; respondents: number; scores: { boeien: number; binden: number; behouden: number } };

/** Port: the latest closed B3-spiegel result of a team, for the prep card. */
export interface TeamPulseSource {
  latest(tenantId: string, teamId: string): Promise<TeamPulse>;
}

/** Port: an optional AI summary of what a report shared; undefined when AI is off or fails. */
export interface PrepSummarizer {
  readonly enabled: boolean;
  summarize(input: { language: 'nl' | 'en'; items: string[] }): Promise<string | undefined>;
}
