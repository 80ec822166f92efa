import { Framework, Language } from '../../domain/framework/framework';
import { BusinessEvents } from '../../domain/shared/business-events';
import { ProposalDrafter } from '../../domain/proposal/proposal-draft';
import { Clock } from '../../domain/shared/clock';
import { JobScheduler } from '../../domain/scheduling/job';
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
  /** Share of the members present whose judgement the group's decision needs. */
  decisionQuorum: number;
  events: BusinessEvents;
}

/** Who acts: ids from Teams, already validated by the adapter. */
export interface Actor {
  id: string;
  name: string;
  teamsId?: string;
}

export const JOB_KINDS = {
  /** The time box: the warning before the end, which then schedules the close. */
  sessionWarning: 'session.warning',
  sessionClose: 'session.close',
  sessionStart: 'session.start',
} as const;
