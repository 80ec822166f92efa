import { DateTime } from 'luxon';
import { teamLabels } from '../shared/team-labels';
import { combineRounds, EnergyRound, MIN_ENERGY_ANSWERS } from '../week-cycle/energy';
import { FacilitationSection } from './facilitation';
import { AdoptedProposalRow, AdoptionSection, computeAdoption } from './adoption';
import { LearningNeedsSection } from '../learning-needs/report';
import type { JaarplanSection } from './jaarplan';

/**
 * The week a session's cycle was planned in: its first and last planned dates (yyyy-mm-dd, the
 * group's calendar). Absent for a session whose cycle has no planned dates (stored before they
 * were kept): its own week stands in.
 */
export interface CycleWeek {
  id: string;
  firstDate: string;
  lastDate: string;
}

/** What the report reads, already reduced by the adapters to what it may count (no names, no text). */
export interface ReportInput {
  period: { from: string; to: string };
  /** When the report is made (ISO instant): a group's week counts once it is over. */
  asOf: string;
  timeZone: string;
  sessionHours: number;
  /**
   * Energy comes as the sessions' published rounds only: no single score ever reaches the report.
   * `attendees`: the members who confirmed they were there (checked in, or "ik ben erbij").
   */
  sessions: { groupId: string; startedAt: string; status: 'open' | 'closed'; attendees: number; energyIn: EnergyRound; energyOut: EnergyRound; cycle?: CycleWeek; closedAt?: string; endsAt?: string }[];
  /** `drafted`: the AI drafted it; `ownText`: the group wrote its own at the proposal question. */
  proposals: { groupId: string; createdAt: string; drafted: boolean; ownText: boolean; decision?: { verdict: 'accept' | 'adapt' | 'reject'; at: string } }[];
  /**
   * Closed B3-spiegel polls per team, with B-scores only where the poll met its minimum. `teamId`:
   * the team's Teams id, which keeps two teams of one name apart (absent from sources that do not
   * know it: such a poll goes by its team's name).
   */
  b3: { team: string; teamId?: string; closedOn: string; respondents: number; scores?: { boeien: number; binden: number; behouden: number } }[];
  /** Proposals adopted (accepted or adapted), with their first step and what became of it. */
  adopted?: AdoptedProposalRow[];
}

export interface EnergyWeek {
  week: string;
  answers: number;
  averageIn?: number;
  averageOut?: number;
}

/** Reflectie en terugkoppeling: the half-yearly figures HR/L&O gives the board. Aggregates only. */
export interface HrReport {
  period: { from: string; to: string };
  groupsActive: number;
  sessionsHeld: number;
  learningHours: number;
  proposalsMade: number;
  proposalsValidated: number;
  proposalsRejected: number;
  energy: EnergyWeek[];
  b3: { team: string; polls: { closedOn: string; respondents: number; scores?: { boeien: number; binden: number; behouden: number } }[] }[];
  /** The managers' facilitation accounts (facilitation.ts); absent where no source is composed. */
  facilitation?: FacilitationSection;
  /** Transfer to practice (adoption.ts). */
  adoption: AdoptionSection;
  /** Learning needs passed on to L&O, anonymously (domain/learning-needs/report.ts). */
  learningNeeds?: LearningNeedsSection;
  /** The Jaarplan Duurzaam leren year of the period's end: realised so far against its targets (jaarplan.ts). */
  jaarplan?: JaarplanSection;
}

/**
 * A session was held when someone was there. The rhythm opens every planned session by itself
 * and the time box closes it, also in a week nobody came (holiday, sick leave): such a session
 * is no learning time and no meeting of the group.
 */
export function wasHeld(s: ReportInput['sessions'][number]): boolean {
  return s.status === 'closed' && s.attendees > 0;
}

/**
 * A proposal was made when the group made something of it: its own text, or a decision. An AI
 * draft alone is the AI's, not the group's (nobody wrote, adopted or rejected anything). The
 * record itself is opened with the session that works on it, attended or not.
 */
export function wasMade(p: ReportInput['proposals'][number]): boolean {
  return p.ownText || !!p.decision;
}

/** Fewer people than this in a session, and it is in none of HR's figures. */
export const MIN_WEEK_ATTENDANCE = MIN_ENERGY_ANSWERS;

/**
 * How long before its cycle's planned week a session may start (a week started early by hand: from
 * day 4's summary, or days ahead of its Monday, also across a skipped week) and still count in that
 * week. Bounded because the report reads sessions by when they started (`sessionsReadWindow`). A
 * session started earlier is in no figure: counted in its own week instead, it would split its
 * cycle over two weeks, and the Jaarplan would count that cycle in two years (found in review).
 */
const EARLY_START = { days: 14 };

/** The calendar week a session started in (organisation's time zone). */
function ownWeek(s: ReportInput['sessions'][number], zone: string): { monday: DateTime; over: DateTime } {
  const monday = DateTime.fromISO(s.startedAt, { zone }).startOf('week');
  return { monday, over: monday.plus({ weeks: 1 }) };
}

/** Whether a session started further ahead of its cycle's planned week than EARLY_START (see there). */
function startedTooEarly(s: ReportInput['sessions'][number], zone: string): boolean {
  return !!s.cycle && DateTime.fromISO(s.startedAt, { zone }) < DateTime.fromISO(s.cycle.firstDate, { zone }).startOf('week').minus(EARLY_START);
}

/**
 * The week a session counts in: its cycle's planned week (Monday 00:00 in the organisation's time
 * zone), and when that week is over: a week after its Monday, or after the cycle's last planned
 * date when a holiday moved that into the next week. Fixed once the session starts (a cycle's
 * planned dates never change), so a reading never moves a session to another week.
 */
function countingWeek(s: ReportInput['sessions'][number], zone: string): { monday: DateTime; over: DateTime } {
  if (!s.cycle) return ownWeek(s, zone);
  const monday = DateTime.fromISO(s.cycle.firstDate, { zone }).startOf('week');
  const afterLast = DateTime.fromISO(s.cycle.lastDate, { zone }).plus({ days: 1 }).startOf('day');
  return { monday, over: DateTime.max(monday.plus({ weeks: 1 }), afterLast) };
}

/**
 * The start times (UTC instants) within which every session a period's figures may count started:
 * from the Monday of a week whose Thursday is the period's first day, less EARLY_START and a day
 * to spare, up to two weeks past its last day (a last planned day a holiday moved on). Counting
 * only what this window holds keeps every period holding a week in agreement about it: a session
 * left out of one period but in another would come out of the two subtracted.
 */
export function sessionsReadWindow(period: { from: string; to: string }, zone: string): { from: string; to: string } {
  const from = DateTime.fromISO(period.from, { zone }).startOf('day').minus({ days: 3 }).minus(EARLY_START).minus({ days: 1 });
  const to = DateTime.fromISO(period.to, { zone }).endOf('day').plus({ days: 14 });
  return { from: from.toUTC().toISO()!, to: to.toUTC().toISO()! };
}

/**
 * The sessions HR's figures count: those where at least MIN_WEEK_ATTENDANCE members were there,
 * of a group's week (the unit of the Vitale Weekcyclus) that is over, counted whole in the period
 * holding its Thursday (as ISO weeks belong to a year). The week is the cycle's planned week, not
 * each session's own: a group in a time zone ahead of the organisation's starts its Monday on the
 * organisation's Sunday, a day 4 held by hand the next Monday is still that cycle's, and so is a
 * day held before it in a week started early, up to EARLY_START ahead (it closed before that week
 * was over, so it is in every reading after and none before). A session that closed after its cycle's week was over
 * (started after it, or still running at its end) is in no figure: it would change a week already read.
 * So a week is never split by a period's edge nor counted while it runs, and no period, no two
 * subtracted, and no two readings of one period isolate one session; and a session of one or two
 * people, which would say who they were (a report's sessions and hours together leave one way to
 * spread them), is in no figure.
 */
export function countedSessions(sessions: ReportInput['sessions'], inPeriod: (t: DateTime) => boolean, zone: string, asOf: DateTime): ReportInput['sessions'] {
  return sessions.filter((s) => {
    if (!wasHeld(s) || s.attendees < MIN_WEEK_ATTENDANCE || startedTooEarly(s, zone)) return false;
    const { monday, over } = countingWeek(s, zone);
    // Closed by the time its week is over (a session stored before closings were kept: by its planned end).
    const closedBy = s.closedAt ?? s.endsAt;
    if (!closedBy || DateTime.fromISO(closedBy) > over) return false;
    return inPeriod(monday.plus({ days: 3 })) && over <= asOf;
  });
}

/** The ISO week a counted session's figures are shown under: its cycle's. */
export function countedWeekLabel(s: ReportInput['sessions'][number], zone: string): string {
  return countingWeek(s, zone).monday.toFormat("kkkk-'W'WW");
}

/**
 * Each team's polls under a name of its own (teamLabels): two teams of one name keep their own
 * polls (grouped by team id) and marks; a team's figures stay exactly as its poll published them.
 */
function b3Teams(teams: { name: string; teamId?: string; polls: HrReport['b3'][number]['polls'] }[]): HrReport['b3'] {
  const labels = teamLabels(teams);
  return teams.map((team, i) => ({ team: labels[i]!, polls: team.polls })).sort((a, b) => a.team.localeCompare(b.team));
}

export function computeReport(input: ReportInput): HrReport {
  const zone = input.timeZone;
  const from = DateTime.fromISO(input.period.from, { zone }).startOf('day');
  const to = DateTime.fromISO(input.period.to, { zone }).endOf('day');
  const within = (t: DateTime) => t >= from && t <= to;
  const inPeriod = (iso: string) => within(DateTime.fromISO(iso, { zone }));
  const held = countedSessions(input.sessions, within, zone, DateTime.fromISO(input.asOf, { zone }));
  const made = input.proposals.filter((p) => wasMade(p) && inPeriod(p.createdAt));
  const decided = input.proposals.filter((p) => p.decision && inPeriod(p.decision.at));
  const weeks = new Map<string, { in: EnergyRound[]; out: EnergyRound[] }>();
  for (const s of held) {
    const week = countedWeekLabel(s, zone);
    const w = weeks.get(week) ?? { in: [], out: [] };
    w.in.push(s.energyIn);
    w.out.push(s.energyOut);
    weeks.set(week, w);
  }
  const answers = (rounds: EnergyRound[]) => rounds.reduce((n, r) => n + (r.average !== undefined ? (r.answers ?? 0) : 0), 0);
  const teams = new Map<string, { name: string; teamId?: string; polls: HrReport['b3'][number]['polls'] }>();
  for (const poll of [...input.b3].filter((p) => inPeriod(p.closedOn)).sort((a, b) => a.closedOn.localeCompare(b.closedOn))) {
    const key = poll.teamId ? `id:${poll.teamId}` : `name:${poll.team}`;
    const team = teams.get(key) ?? { name: poll.team, ...(poll.teamId ? { teamId: poll.teamId } : {}), polls: [] };
    // A renamed team goes by the name of its latest poll.
    team.name = poll.team;
    team.polls.push({ closedOn: poll.closedOn, respondents: poll.respondents, ...(poll.scores ? { scores: poll.scores } : {}) });
    teams.set(key, team);
  }
  return {
    period: input.period,
    groupsActive: new Set(held.map((s) => s.groupId)).size,
    sessionsHeld: held.length,
    learningHours: Math.round(held.reduce((sum, s) => sum + s.attendees * input.sessionHours, 0) * 10) / 10,
    proposalsMade: made.length,
    proposalsValidated: decided.filter((p) => p.decision!.verdict !== 'reject').length,
    proposalsRejected: decided.filter((p) => p.decision!.verdict === 'reject').length,
    energy: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, w]) => ({ week, answers: answers(w.in) + answers(w.out), averageIn: combineRounds(w.in), averageOut: combineRounds(w.out) })),
    b3: b3Teams([...teams.values()]),
    adoption: computeAdoption(input.adopted ?? [], inPeriod, (iso) => DateTime.fromISO(iso, { zone }).toISODate()!),
  };
}
