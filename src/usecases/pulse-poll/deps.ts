import { Language } from '../../domain/framework/framework';
import { DirectoryPort } from '../../domain/directory/directory.port';
import { OutboxPort } from '../../domain/outbox/outbox.port';
import { InstallationRepository, LegacyAnswerRepository, PollNotifier, PollRepository, PollStartLease, TallyRepository, TeamMirrorNotice, TeamPollLocks, TeamRoster } from '../../domain/pulse-poll/ports';
import { ReminderPoint } from '../../domain/pulse-poll/poll';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { HolidayCalendar } from '../../domain/week-cycle/holidays';
import type { SaveWindowDeps } from '../verantwoording/save-window';

export interface PulsePollDeps {
  polls: PollRepository;
  /** The poll as an answer needs it: read at most once a minute per instance (see RememberedPolls). */
  pollsForAnswers: Pick<PollRepository, 'get'>;
  /** The folded answers of each poll. */
  tallies: TallyRepository;
  /** Answers of polls stored before tallies, to migrate. */
  legacy: LegacyAnswerRepository;
  /** One open poll per team. */
  locks: TeamPollLocks;
  /** One start or team listing at a time per tenant, so each overlap check sees the polls started and the teams listed before it. */
  startLease: PollStartLease;
  installations: InstallationRepository;
  roster: TeamRoster;
  notifier: PollNotifier;
  /** The team's Vitale Weekcyclus groups, told that its mirror came back; absent: nobody is told. */
  teamGroups?: TeamMirrorNotice;
  directory: DirectoryPort;
  /**
   * HR's own records, for a start's erasure check and save window (save-window.ts): a poll keeps
   * its starter's ids until their erasure, so none may be stored naming them after "gewist".
   */
  starters: SaveWindowDeps;
  outbox: Pick<OutboxPort, 'countBatch' | 'expireBudgets'>;
  scheduler: JobScheduler;
  clock: Clock;
  /** Key of the respondent hashes. */
  hashKey: string;
  hr: { userIds: string[]; groupId?: string };
  minRespondents: number;
  reminderPoints: ReminderPoint[];
  /** The organisation's public holidays (HOLIDAY_REGION): no reminder goes out on one. */
  holidays?: Pick<HolidayCalendar, 'isHoliday'>;
  /** The organisation's time zone (ORG_TIME_ZONE): closing dates, reminder hours and "today" are read in it. */
  timeZone: string;
  defaultLanguage: Language;
}

export const PULSE_JOBS = {
  deliver: 'pulse.deliver',
  reminder: 'pulse.reminder',
  close: 'pulse.close',
} as const;

/** The outbox batch of a poll's messages, for its delivery counts. */
export function pollBatch(pollId: string): string {
  return `pulse:${pollId}`;
}
